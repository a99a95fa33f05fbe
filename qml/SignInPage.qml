import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Auth
import StudyConnect.Desktop

// Server, email and password. The email field has focus on start, Tab moves on, Enter signs in.
// Errors from the session (wrong password, unreachable server, expired session) show inline.
Page {
    id: page
    objectName: "signInPage"

    readonly property bool busy: Session.state === Session.SigningIn
    property string localError: ""

    signal networkSettingsRequested()

    function signIn() {
        if (busy)
            return
        const server = DesktopSettings.normalizeServer(serverField.text)
        if (server.toString() === "") {
            localError = qsTr("Enter the server address, for example http://localhost:5000.")
            serverField.forceActiveFocus()
            return
        }
        if (emailField.text.trim() === "" || passwordField.text === "") {
            localError = qsTr("Enter your email address and password.")
            ;(emailField.text.trim() === "" ? emailField : passwordField).forceActiveFocus()
            return
        }
        localError = ""
        Session.signIn(server, emailField.text.trim(), passwordField.text)
    }

    Component.onCompleted: emailField.forceActiveFocus()

    Connections {
        target: Session
        function onSignedIn() { passwordField.clear() }
        function onSignedOut(reason) {
            if (reason !== "")
                passwordField.forceActiveFocus()
        }
    }

    background: Rectangle { color: Theme.sidebar }

    Rectangle {
        id: card
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 400)
        height: form.implicitHeight + 64
        radius: 12
        color: Theme.base
        border.color: Theme.separator

        ColumnLayout {
            id: form
            anchors.fill: parent
            anchors.margins: 32
            spacing: 6

            Label {
                text: qsTr("StudyConnect")
                font.pixelSize: Theme.titleFont * 1.4
                font.weight: Font.Bold
                Layout.alignment: Qt.AlignHCenter
                Accessible.role: Accessible.Heading
            }
            Label {
                text: qsTr("Sign in to chat with your study groups")
                color: Theme.mutedText
                Layout.alignment: Qt.AlignHCenter
                Layout.bottomMargin: 18
            }

            Label { text: qsTr("Email"); font.weight: Font.DemiBold }
            TextField {
                id: emailField
                objectName: "emailField"
                Layout.fillWidth: true
                text: Session.account
                placeholderText: qsTr("you@school.edu")
                inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                enabled: !page.busy
                Accessible.name: qsTr("Email")
                KeyNavigation.tab: passwordField
                onAccepted: page.signIn()
            }

            Label { text: qsTr("Password"); font.weight: Font.DemiBold; Layout.topMargin: 8 }
            TextField {
                id: passwordField
                objectName: "passwordField"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                enabled: !page.busy
                Accessible.name: qsTr("Password")
                Accessible.passwordEdit: true
                KeyNavigation.tab: serverField
                KeyNavigation.backtab: emailField
                onAccepted: page.signIn()
            }

            Label { text: qsTr("Server"); font.weight: Font.DemiBold; Layout.topMargin: 8 }
            TextField {
                id: serverField
                objectName: "serverField"
                Layout.fillWidth: true
                text: DesktopSettings.serverUrl
                placeholderText: "http://localhost:5000"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                enabled: !page.busy
                Accessible.name: qsTr("Server address")
                KeyNavigation.tab: signInButton
                KeyNavigation.backtab: passwordField
                onAccepted: page.signIn()
            }

            // Inline error: ours first (empty fields), then the session's reason.
            Rectangle {
                Layout.fillWidth: true
                Layout.topMargin: 10
                visible: errorText.text !== ""
                implicitHeight: errorText.implicitHeight + 16
                radius: Theme.radius
                color: Theme.errorBackground
                Text {
                    id: errorText
                    objectName: "signInError"
                    anchors.fill: parent
                    anchors.margins: 8
                    text: page.localError !== "" ? page.localError : (page.busy ? "" : Session.errorString)
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.danger
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }

            // Without a keychain the session lasts until the app quits: say so before signing in.
            Text {
                objectName: "keychainNote"
                Layout.fillWidth: true
                Layout.topMargin: 8
                visible: !Session.keychainAvailable
                text: Session.keychainMessage
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.warningText
                font.pixelSize: Theme.smallFont
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }

            Button {
                id: signInButton
                objectName: "signInButton"
                Layout.fillWidth: true
                Layout.topMargin: 14
                highlighted: true
                enabled: !page.busy
                text: page.busy ? qsTr("Signing in…") : qsTr("Sign in")
                Accessible.name: qsTr("Sign in")
                KeyNavigation.backtab: serverField
                onClicked: page.signIn()
                Keys.onReturnPressed: page.signIn()
                Keys.onEnterPressed: page.signIn()

                BusyIndicator {
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.right: parent.right
                    anchors.rightMargin: 6
                    height: parent.height - 8
                    width: height
                    running: page.busy
                    visible: running
                }
            }
        }
    }

    Button {
        objectName: "signInNetworkSettingsButton"
        anchors.top: card.bottom
        anchors.topMargin: 8
        anchors.horizontalCenter: card.horizontalCenter
        flat: true
        text: qsTr("Network settings…")
        Accessible.name: qsTr("Network settings: transport and proxy (Ctrl+,)")
        onClicked: page.networkSettingsRequested()
    }

    Label {
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: 12
        text: qsTr("Version %1").arg(DesktopSettings.version)
        color: Theme.faintText
        font.pixelSize: Theme.smallFont
    }
}
