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
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    color: Theme.window
    title: {
        const unread = mainLoader.item ? mainLoader.item.totalUnread : 0
        return unread > 0 ? qsTr("(%1) StudyConnect").arg(unread) : qsTr("StudyConnect")
    }

    readonly property bool signedIn: Session.state === Session.SignedIn
    /// True while a stored session is being restored: neither page is shown yet.
    property bool restoring: true

    Component.onCompleted: {
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
    // Signed in or not: a proxy may be what stands between the user and signing in.
    Shortcut {
        sequences: ["Ctrl+,"]
        context: Qt.WindowShortcut
        onActivated: window.openNetworkSettings()
    }

    Loader {
        id: mainLoader
        anchors.fill: parent
        active: window.signedIn
        visible: active
        sourceComponent: MainView {
            windowActive: window.active
            onNetworkSettingsRequested: window.openNetworkSettings()
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
        id: networkDialogLoader
        active: false
        sourceComponent: NetworkSettingsDialog {
            parent: Overlay.overlay
        }
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: window.restoring && !window.signedIn
        visible: running
    }
}
