import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Chat
import StudyConnect.Desktop

// How the app reaches the server: the transport and the proxy. "Test" reconnects with the values
// in the form without saving them; "Apply" saves them (the password in the keychain) and
// reconnects; "Cancel" or Escape goes back to the saved settings. The line above the buttons
// shows what the connection does meanwhile.
Dialog {
    id: dialog
    objectName: "networkSettingsDialog"

    title: qsTr("Network settings")
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? Math.max(16, (parent.height - height) / 2) : 0
    width: Math.min(460, parent ? parent.width - 32 : 460)

    /// The connection whose state the dialog reports (ConversationManager.connection in the app).
    property var connection: ConversationManager.connection

    readonly property int proxyMode: proxyBox.currentIndex
    readonly property bool explicitProxy: proxyMode === NetworkSettings.HttpProxy || proxyMode === NetworkSettings.Socks5Proxy
    readonly property int port: portField.text === "" ? 0 : parseInt(portField.text)
    readonly property string problem: NetworkSettings.problem(proxyMode, hostField.text, port)
    readonly property string status: {
        if (!connection)
            return ""
        switch (connection.state) {
        case ChatConnection.Connected:
            return connection.transport === ChatConnection.Polling
                    ? qsTr("Connected over long-polling.") : qsTr("Connected over WebSocket.")
        case ChatConnection.Connecting:
        case ChatConnection.Reconnecting:
            return connection.errorString !== ""
                    ? qsTr("Not connected yet: %1").arg(connection.errorString) : qsTr("Connecting…")
        default:
            return qsTr("Not connected.")
        }
    }

    function load() {
        transportBox.currentIndex = NetworkSettings.transportMode
        proxyBox.currentIndex = NetworkSettings.proxyMode
        hostField.text = NetworkSettings.proxyHost
        portField.text = NetworkSettings.proxyPort > 0 ? String(NetworkSettings.proxyPort) : ""
        userField.text = NetworkSettings.proxyUser
        passwordField.text = ""
    }
    function test() {
        if (problem === "")
            NetworkSettings.test(transportBox.currentIndex, proxyMode, hostField.text, port, userField.text,
                                 passwordField.text)
    }
    function apply() {
        if (problem === "" && NetworkSettings.apply(transportBox.currentIndex, proxyMode, hostField.text, port,
                                                    userField.text, passwordField.text)) {
            passwordField.text = ""
            close()
        }
    }

    onOpened: {
        load()
        transportBox.forceActiveFocus()
    }
    // Cancel, Escape, or closed by the window: what is saved is what is used.
    onRejected: NetworkSettings.revert()

    footer: DialogButtonBox {
        Button {
            objectName: "networkTestButton"
            text: qsTr("Test")
            enabled: dialog.problem === ""
            Accessible.name: qsTr("Test these settings: reconnect without saving them")
            Accessible.ignored: !visible
            // Stays open: the status line shows how the connection goes.
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.test()
        }
        Button {
            objectName: "networkApplyButton"
            text: qsTr("Apply")
            enabled: dialog.problem === ""
            highlighted: true
            Accessible.name: qsTr("Save these settings and reconnect")
            Accessible.ignored: !visible
            DialogButtonBox.buttonRole: DialogButtonBox.ApplyRole
        }
        Button {
            objectName: "networkCancelButton"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        onApplied: dialog.apply()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Connection")
            font.weight: Font.DemiBold
            color: Theme.text
        }
        ComboBox {
            id: transportBox
            objectName: "transportBox"
            Layout.fillWidth: true
            // In the order of NetworkSettings.TransportMode.
            model: [qsTr("Automatic (WebSocket, else long-polling)"), qsTr("WebSocket only"),
                    qsTr("Long-polling only")]
            Accessible.name: qsTr("Transport")
            Accessible.ignored: !visible
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Long-polling works through proxies and firewalls that block WebSocket, at some cost in speed.")
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
        }

        Label {
            Layout.topMargin: Theme.spacing
            text: qsTr("Proxy")
            font.weight: Font.DemiBold
            color: Theme.text
        }
        ComboBox {
            id: proxyBox
            objectName: "proxyBox"
            Layout.fillWidth: true
            // In the order of NetworkSettings.ProxyMode.
            model: [qsTr("System settings"), qsTr("No proxy"), qsTr("HTTP proxy"), qsTr("SOCKS5 proxy")]
            Accessible.name: qsTr("Proxy")
            Accessible.ignored: !visible
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            enabled: dialog.explicitProxy
            visible: dialog.explicitProxy

            Label { text: qsTr("Host"); color: Theme.text }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                TextField {
                    id: hostField
                    objectName: "proxyHostField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("proxy.school.example")
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                    Accessible.name: qsTr("Proxy host")
                    Accessible.ignored: !visible
                    onAccepted: dialog.test()
                }
                Label { text: qsTr("Port"); color: Theme.text }
                TextField {
                    id: portField
                    objectName: "proxyPortField"
                    Layout.preferredWidth: 72
                    placeholderText: dialog.proxyMode === NetworkSettings.Socks5Proxy ? "1080" : "8080"
                    validator: IntValidator { bottom: 0; top: 65535 }
                    inputMethodHints: Qt.ImhDigitsOnly
                    Accessible.name: qsTr("Proxy port")
                    Accessible.ignored: !visible
                    onAccepted: dialog.test()
                }
            }
            Label { text: qsTr("User"); color: Theme.text }
            TextField {
                id: userField
                objectName: "proxyUserField"
                Layout.fillWidth: true
                placeholderText: qsTr("Optional")
                inputMethodHints: Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Proxy user name")
                Accessible.ignored: !visible
                onAccepted: dialog.test()
            }
            Label { text: qsTr("Password"); color: Theme.text }
            TextField {
                id: passwordField
                objectName: "proxyPasswordField"
                Layout.fillWidth: true
                enabled: userField.text.trim() !== ""
                echoMode: TextInput.Password
                placeholderText: NetworkSettings.hasProxyPassword ? qsTr("Saved: leave empty to keep it") : ""
                Accessible.name: qsTr("Proxy password")
                // Qt Quick reports no name for a password edit (it could be the text): the
                // description still tells a screen reader what the field is.
                Accessible.description: qsTr("Proxy password")
                Accessible.passwordEdit: true
                Accessible.ignored: !visible
                onAccepted: dialog.test()
            }
        }
        Label {
            objectName: "proxyKeychainNote"
            Layout.fillWidth: true
            visible: dialog.explicitProxy && !NetworkSettings.keychainAvailable
            text: qsTr("No keychain is available: the proxy password is kept until StudyConnect quits.")
            wrapMode: Text.Wrap
            color: Theme.warningText
            font.pixelSize: Theme.smallFont
            background: Rectangle { color: Theme.warningBackground; radius: Theme.radius / 2 }
            padding: 4
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Label {
            objectName: "networkProblem"
            Layout.fillWidth: true
            visible: text !== ""
            // Only once the user has typed something: an empty host is not an error yet.
            text: dialog.explicitProxy && hostField.text === "" ? "" : dialog.problem
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Label {
            objectName: "networkStatus"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            visible: text !== ""
            text: dialog.status
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.mutedText
            Accessible.role: Accessible.StatusBar
            Accessible.name: text
            Accessible.ignored: !visible
        }
    }
}
