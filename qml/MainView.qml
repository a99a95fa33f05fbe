import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Auth
import StudyConnect.Chat
import StudyConnect.Desktop

// The signed-in window: sidebar and chat, the quick switcher, keyboard shortcuts and
// notifications. Views only: conversations, read state, drafts and typing live in
// ConversationManager and its Conversation objects.
Item {
    id: main
    objectName: "mainView"

    readonly property Conversation current: ConversationManager.currentConversation
    readonly property int totalUnread: watcher.totalUnread
    property bool windowActive: true

    /// The window owns the network settings dialog: the sign-in page offers it too.
    signal networkSettingsRequested()

    Binding {
        target: ConversationManager
        property: "windowActive"
        value: main.windowActive
    }

    function openSwitcher() {
        switcherLoader.active = true
        switcherLoader.item.candidates = ConversationManager.switcherEntries()
        switcherLoader.item.open()
    }
    function openJoinDialog() {
        joinDialogLoader.active = true
        joinDialogLoader.item.open()
    }
    function openMessageByIdDialog() {
        messageByIdLoader.active = true
        messageByIdLoader.item.open()
    }

    // --- keyboard ---
    Shortcut {
        sequences: ["Ctrl+K"]
        context: Qt.WindowShortcut
        onActivated: main.openSwitcher()
    }
    Shortcut {
        sequences: ["Alt+Down"]
        context: Qt.WindowShortcut
        onActivated: ConversationManager.openRelative(1)
    }
    Shortcut {
        sequences: ["Alt+Up"]
        context: Qt.WindowShortcut
        onActivated: ConversationManager.openRelative(-1)
    }

    // --- unread and notifications ---
    UnreadWatcher {
        id: watcher
        rooms: ConversationManager.rooms
        conversations: ConversationManager.directConversations
        activeKey: main.current ? main.current.key : ""
        windowActive: main.windowActive
        // Nothing to announce before the first lists and read state have arrived.
        notificationsEnabled: ConversationManager.synced
    }
    Connections {
        target: Notifier
        function onActivated(key) {
            ConversationManager.openKey(key)
            const window = main.Window.window
            if (window) {
                window.raise()
                window.requestActivate()
            }
        }
    }
    Connections {
        target: ConversationManager
        // Opened by click, keyboard, switcher or notification: ready to type.
        function onConversationOpened(conversation) {
            Notifier.withdraw(conversation.key)
            chat.composer.focusInput()
        }
    }

    ColumnLayout {
    anchors.fill: parent
    spacing: 0

    // Without a keychain the session ends when the app quits: say so once, dismissibly.
    Rectangle {
        id: keychainBar
        objectName: "keychainBar"
        property bool dismissed: false
        Layout.fillWidth: true
        visible: !Session.keychainAvailable && !dismissed
        implicitHeight: keychainRow.implicitHeight + 10
        color: Theme.warningBackground
        Accessible.role: Accessible.AlertMessage
        Accessible.name: keychainText.text
        RowLayout {
            id: keychainRow
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing * 2
            anchors.rightMargin: Theme.spacing
            Text {
                id: keychainText
                Layout.fillWidth: true
                text: Session.keychainMessage
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.warningText
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Dismiss")
                onClicked: keychainBar.dismissed = true
            }
        }
    }

    // A server without our REST API (the seed's): said once here, not as an error per room.
    Rectangle {
        id: serverNotice
        objectName: "limitedServerNotice"
        property bool dismissed: false
        Layout.fillWidth: true
        visible: !ConversationManager.roomListAvailable && !dismissed
        implicitHeight: noticeRow.implicitHeight + 10
        color: Theme.sidebar
        Accessible.role: Accessible.AlertMessage
        Accessible.name: noticeText.text
        RowLayout {
            id: noticeRow
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing * 2
            anchors.rightMargin: Theme.spacing
            Text {
                id: noticeText
                objectName: "limitedServerText"
                Layout.fillWidth: true
                text: qsTr("This server keeps no history and no room list for StudyConnect: you see the messages sent while you are connected, and join rooms by their number.")
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.mutedText
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Dismiss")
                onClicked: serverNotice.dismissed = true
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 0

        Sidebar {
            id: sidebar
            Layout.preferredWidth: Theme.sidebarWidth
            Layout.fillHeight: true
            rooms: ConversationManager.rooms
            conversations: ConversationManager.directConversations
            people: ConversationManager.people
            current: main.current
            selfId: ConversationManager.currentUserId
            selfOnline: ConversationManager.connection.state === ChatConnection.Connected
            onConversationActivated: (conversation) => ConversationManager.open(conversation)
            onPersonActivated: (userId) => ConversationManager.openDirect(userId)
            onJoinByIdRequested: main.openJoinDialog()
            onMessageByIdRequested: main.openMessageByIdDialog()
            onSwitcherRequested: main.openSwitcher()
            onSignOutRequested: Session.signOut()
            onNetworkSettingsRequested: main.networkSettingsRequested()
        }

        ChatPane {
            id: chat
            Layout.fillWidth: true
            Layout.fillHeight: true
            conversation: main.current

            banner.connectionState: ConversationManager.connection.state
            banner.attempt: ConversationManager.connection.reconnectAttempt
            banner.secondsLeft: ConversationManager.connection.nextRetryIn
            banner.pendingCount: ConversationManager.pendingCount
            banner.everConnected: ConversationManager.connection.everConnected
            banner.transport: ConversationManager.connection.transport
            banner.automaticTransport: NetworkSettings.transportMode === NetworkSettings.Automatic
            // Read again whenever the settings change; the system's answer is stable meanwhile.
            banner.throughProxy: NetworkSettings.proxyMode >= 0 && NetworkSettings.usesProxyFor(Session.serverUrl)
            banner.onRetryNowRequested: ConversationManager.retryConnectionNow()
        }
    }

    }

    // Popups are created on first use: nothing to pay for at start-up.
    Loader {
        id: switcherLoader
        active: false
        sourceComponent: QuickSwitcher {
            parent: Overlay.overlay
            onChosen: (conversation) => ConversationManager.open(conversation)
        }
    }
    Loader {
        id: joinDialogLoader
        active: false
        sourceComponent: JoinRoomDialog {
            parent: Overlay.overlay
        }
    }
    Loader {
        id: messageByIdLoader
        active: false
        sourceComponent: MessageByIdDialog {
            parent: Overlay.overlay
        }
    }
}
