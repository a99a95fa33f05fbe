import QtQuick
import QtQuick.Controls
import StudyConnect.Auth
import StudyConnect.Desktop

// The window: the sign-in page until a session exists, then the main view. A session that ends
// (expired, refused, signed out) brings the sign-in page back with the reason.
ApplicationWindow {
    id: window
    objectName: "mainWindow"

    width: 1100
    height: 720
    // Usable down to a phone-sized window: the sidebar becomes a drawer below 900 px.
    minimumWidth: 360
    minimumHeight: 480
    visible: true
    color: Theme.window
    // Every control takes its colours from here, and so from the application palette that
    // Appearance sets. Qt Quick Controls 6.4 otherwise gave controls created after a Light/Dark
    // change (the main view after signing in, popups) the palette the style started with.
    palette.window: Theme.palette.window
    palette.windowText: Theme.palette.windowText
    palette.base: Theme.palette.base
    palette.alternateBase: Theme.palette.alternateBase
    palette.text: Theme.palette.text
    palette.button: Theme.palette.button
    palette.buttonText: Theme.palette.buttonText
    palette.highlight: Theme.palette.highlight
    palette.highlightedText: Theme.palette.highlightedText
    palette.placeholderText: Theme.palette.placeholderText
    palette.toolTipBase: Theme.palette.toolTipBase
    palette.toolTipText: Theme.palette.toolTipText
    palette.light: Theme.palette.light
    palette.midlight: Theme.palette.midlight
    palette.mid: Theme.palette.mid
    palette.dark: Theme.palette.dark
    palette.shadow: Theme.palette.shadow
    palette.link: Theme.palette.link
    palette.disabled.windowText: Theme.disabledPalette.windowText
    palette.disabled.text: Theme.disabledPalette.text
    palette.disabled.buttonText: Theme.disabledPalette.buttonText
    palette.disabled.placeholderText: Theme.disabledPalette.placeholderText
    title: {
        const unread = mainLoader.item ? mainLoader.item.totalUnread : 0
        return unread > 0 ? qsTr("(%1) StudyConnect").arg(unread) : qsTr("StudyConnect")
    }

    readonly property bool signedIn: Session.state === Session.SignedIn
    /// True while a stored session is being restored: neither page is shown yet.
    property bool restoring: true

    Component.onCompleted: {
        // STUDYCONNECT_TOKEN already decided (signed in, or refused with a reason to show).
        if (DesktopSettings.sessionFromEnvironment) {
            restoring = false
            return
        }
        // Without --server: the server the keychain's last session belongs to.
        Session.restore(DesktopSettings.serverFromCommandLine ? DesktopSettings.serverUrl : "")
        // restore() returns at once when nothing is stored.
        if (Session.state !== Session.SigningIn)
            restoring = false
    }
    Connections {
        target: Session
        function onRestoreFinished() { window.restoring = false }
        function onSignedIn() {
            window.restoring = false
            // Here, not in the sign-in page: that page is gone by the time this arrives.
            DesktopSettings.rememberServer(Session.serverUrl)
        }
    }

    function openNetworkSettings() {
        networkDialogLoader.active = true
        networkDialogLoader.item.open()
    }
    function openSettings() {
        settingsDialogLoader.active = true
        settingsDialogLoader.item.open()
    }
    // Signed in or not: the network settings are there too, and a proxy may be what stands
    // between the user and signing in.
    Shortcut {
        sequences: ["Ctrl+,"]
        context: Qt.WindowShortcut
        onActivated: window.openSettings()
    }

    // The tray icon's count (DesktopShell); the window may be hidden there.
    Binding {
        target: DesktopShell
        property: "unreadCount"
        value: mainLoader.item ? mainLoader.item.totalUnread : 0
    }

    Loader {
        id: mainLoader
        anchors.fill: parent
        active: window.signedIn
        visible: active
        sourceComponent: MainView {
            windowActive: window.active
            onNetworkSettingsRequested: window.openNetworkSettings()
            onSettingsRequested: window.openSettings()
        }
    }

    Loader {
        anchors.fill: parent
        active: !window.signedIn && !window.restoring
        visible: active
        sourceComponent: SignInPage {
            onNetworkSettingsRequested: window.openNetworkSettings()
        }
    }

    // Created on first use.
    Loader {
        id: settingsDialogLoader
        active: false
        sourceComponent: SettingsDialog {
            parent: Overlay.overlay
            signedIn: window.signedIn
            onNetworkSettingsRequested: window.openNetworkSettings()
            onStorageSettingsRequested: if (mainLoader.item) mainLoader.item.openStorageSettings()
        }
    }
    Loader {
        id: networkDialogLoader
        active: false
        sourceComponent: NetworkSettingsDialog {
            parent: Overlay.overlay
        }
    }

    // A studyconnect://signin link: nothing happens until the user agrees to this server.
    Dialog {
        id: linkDialog
        objectName: "signInLinkDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(440, window.width - 32)
        modal: true
        closePolicy: Popup.CloseOnEscape
        title: SignInLink.errorString === "" ? qsTr("Sign in from a link?") : qsTr("Cannot use this sign-in link")
        onRejected: SignInLink.decline()
        onAccepted: SignInLink.accept()
        // Closed any other way (Escape): a no. Later, so that accepted() is handled first.
        onClosed: Qt.callLater(() => { if (SignInLink.pending && !linkDialog.visible) SignInLink.decline() })
        // Opened and closed from here, not by a binding, which the dialog's own close() would break.
        Connections {
            target: SignInLink
            function onChanged() {
                if (SignInLink.pending)
                    linkDialog.open()
                else
                    linkDialog.close()
            }
        }
        Component.onCompleted: if (SignInLink.pending) open()
        onOpened: (SignInLink.errorString === "" ? linkCancel : linkClose).forceActiveFocus()

        contentItem: Label {
            objectName: "signInLinkText"
            text: SignInLink.errorString !== ""
                  ? SignInLink.errorString
                  : qsTr("A sign-in link asks StudyConnect to sign in on the server %1. Only continue if you just signed in on your school's website and trust this server.").arg(SignInLink.host)
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
            Accessible.ignored: !visible
        }
        footer: DialogButtonBox {
            Button {
                objectName: "signInLinkAccept"
                visible: SignInLink.errorString === ""
                text: qsTr("Sign in to %1").arg(SignInLink.host)
                Accessible.name: text
                Accessible.ignored: !visible
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                id: linkCancel
                objectName: "signInLinkCancel"
                visible: SignInLink.errorString === ""
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                id: linkClose
                visible: SignInLink.errorString !== ""
                text: qsTr("Close")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: window.restoring && !window.signedIn
        visible: running
    }
}
