import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Auth
import StudyConnect.Chat
import StudyConnect.Desktop

// Two ways in: email and password (our REST login), or a token (a JWT from the school's own
// sign-in, for servers with no login route, like the seed's). The email field has focus on
// start, Tab moves on, Enter signs in. Errors from the session (wrong password, a refused or
// expired token, unreachable server) show inline; a token's shape and expiry are checked here
// before anything is sent.
Page {
    id: page
    Accessible.name: qsTr("Sign in to StudyConnect")
    objectName: "signInPage"

    readonly property bool busy: Session.state === Session.SigningIn
    readonly property bool tokenMode: modeBar.currentIndex === 1
    property string localError: ""
    /// The session's last error is shown until the user changes a field: then it is old news.
    property bool sessionErrorStale: false
    Connections {
        target: Session
        function onErrorStringChanged() { page.sessionErrorStale = false }
    }
    function fieldEdited() {
        localError = ""
        sessionErrorStale = true
    }

    signal networkSettingsRequested()

    function server() {
        const server = DesktopSettings.normalizeServer(serverField.text)
        if (server.toString() === "") {
            localError = qsTr("Enter the server address, for example http://localhost:5000.")
            serverField.forceActiveFocus()
        }
        return server
    }

    function signIn() {
        if (busy)
            return
        if (tokenMode) {
            const problem = Session.checkToken(tokenField.text)
            if (problem !== "") {
                localError = problem
                tokenField.forceActiveFocus()
                return
            }
            const url = server()
            if (url.toString() === "")
                return
            localError = ""
            Session.signInWithToken(url, tokenField.text)
            return
        }
        if (emailField.text.trim() === "" || passwordField.text === "") {
            localError = qsTr("Enter your email address and password.")
            ;(emailField.text.trim() === "" ? emailField : passwordField).forceActiveFocus()
            return
        }
        const url = server()
        if (url.toString() === "")
            return
        localError = ""
        Session.signIn(url, emailField.text.trim(), passwordField.text)
    }

    function focusFirstField() {
        (tokenMode ? tokenField : emailField).forceActiveFocus()
    }

    Component.onCompleted: focusFirstField()

    Connections {
        target: Session
        function onSignedIn() {
            passwordField.clear()
            tokenField.clear()
        }
        function onSignedOut(reason) {
            if (reason !== "")
                (page.tokenMode ? tokenField : passwordField).forceActiveFocus()
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
                Accessible.ignored: !visible
            }
            Label {
                text: qsTr("Sign in to chat with your study groups")
                color: Theme.mutedText
                Layout.alignment: Qt.AlignHCenter
                Layout.bottomMargin: 18
            }

            // What happened to the data kept here, e.g. deleted by signing out; dismissable.
            Rectangle {
                objectName: "dataNotice"
                Layout.fillWidth: true
                Layout.bottomMargin: 12
                visible: ConversationManager.notice !== ""
                implicitHeight: noticeRow.implicitHeight + 12
                radius: Theme.radius
                color: Theme.hover
                Accessible.role: Accessible.AlertMessage
                Accessible.name: noticeText.text
                Accessible.ignored: !visible
                RowLayout {
                    id: noticeRow
                    anchors.fill: parent
                    anchors.leftMargin: 10
                    anchors.rightMargin: 2
                    Text {
                        id: noticeText
                        objectName: "dataNoticeText"
                        Layout.fillWidth: true
                        text: ConversationManager.notice
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: Theme.text
                        font.pixelSize: Theme.smallFont
                    }
                    ToolButton {
                        objectName: "dataNoticeDismiss"
                        text: "✕"
                        Accessible.name: qsTr("Dismiss")
                        Accessible.ignored: !visible
                        onClicked: ConversationManager.clearNotice()
                    }
                }
            }

            TabBar {
                id: modeBar
                objectName: "signInModeBar"
                Layout.fillWidth: true
                Layout.bottomMargin: 8
                // A session that began with a token comes back to the token form.
                currentIndex: Session.tokenSession ? 1 : 0
                Accessible.name: qsTr("How to sign in")
                Accessible.ignored: !visible
                onCurrentIndexChanged: {
                    page.localError = ""
                    // Later: the other form's fields become visible (and focusable) after this.
                    Qt.callLater(page.focusFirstField)
                }
                TabButton {
                    objectName: "passwordModeButton"
                    text: qsTr("Email and password")
                    Accessible.name: qsTr("Sign in with email and password")
                    Accessible.ignored: !visible
                }
                TabButton {
                    objectName: "tokenModeButton"
                    text: qsTr("Token")
                    Accessible.name: qsTr("Sign in with a token")
                    Accessible.ignored: !visible
                }
            }

            Label { visible: !page.tokenMode; text: qsTr("Email"); font.weight: Font.DemiBold; Accessible.ignored: !visible }
            TextField {
                id: emailField
                objectName: "emailField"
                visible: !page.tokenMode
                Layout.fillWidth: true
                text: Session.account
                placeholderText: qsTr("you@school.edu")
                inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                enabled: !page.busy
                Accessible.name: qsTr("Email")
                Accessible.ignored: !visible
                onTextEdited: page.fieldEdited()
                onAccepted: page.signIn()
            }

            Label { visible: !page.tokenMode; text: qsTr("Password"); font.weight: Font.DemiBold; Layout.topMargin: 8; Accessible.ignored: !visible }
            TextField {
                id: passwordField
                objectName: "passwordField"
                visible: !page.tokenMode
                Layout.fillWidth: true
                echoMode: TextInput.Password
                enabled: !page.busy
                Accessible.name: qsTr("Password")
                Accessible.ignored: !visible
                onTextEdited: page.fieldEdited()
                onAccepted: page.signIn()
            }

            Label { visible: page.tokenMode; text: qsTr("Token"); font.weight: Font.DemiBold; Accessible.ignored: !visible }
            TextField {
                id: tokenField
                objectName: "tokenField"
                visible: page.tokenMode
                Layout.fillWidth: true
                // A secret like a password: not shown, not offered to input methods.
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                placeholderText: qsTr("Paste your token (eyJ…)")
                enabled: !page.busy
                Accessible.name: qsTr("Token")
                Accessible.ignored: !visible
                onTextEdited: {
                    page.fieldEdited()
                    page.localError = text === "" ? "" : Session.checkToken(text)
                }
                onAccepted: page.signIn()
            }
            Label {
                visible: page.tokenMode
                Accessible.ignored: !visible
                Layout.fillWidth: true
                text: qsTr("The token your school's sign-in gave you. It is kept in the keychain like a password.")
                wrapMode: Text.Wrap
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
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
                Accessible.ignored: !visible
                onTextEdited: page.fieldEdited()
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
                    text: page.localError !== "" ? page.localError
                                                 : (page.busy || page.sessionErrorStale ? "" : Session.errorString)
                    textFormat: Text.PlainText
                    // Whole words: "http://localhost:5000" is never cut in the middle.
                    wrapMode: Text.WordWrap
                    color: Theme.danger
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                    Accessible.ignored: !visible
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
                Accessible.ignored: !visible
            }

            Button {
                id: signInButton
                objectName: "signInButton"
                Layout.fillWidth: true
                Layout.topMargin: 14
                highlighted: true
                enabled: !page.busy
                text: page.busy ? qsTr("Signing in…") : qsTr("Sign in")
                Accessible.name: page.tokenMode ? qsTr("Sign in with this token") : qsTr("Sign in")
                Accessible.ignored: !visible
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
        Accessible.ignored: !visible
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
