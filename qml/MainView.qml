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
    function openSearch() {
        searchLoader.active = true
        searchLoader.item.open()
    }
    function openStorageSettings() {
        storageLoader.active = true
        storageLoader.item.open()
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
        sequences: ["Ctrl+F"]
        context: Qt.WindowShortcut
        onActivated: main.openSearch()
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

    // --- search ---
    MessageSearch {
        id: messageSearch
        manager: ConversationManager
        // The hit's conversation is open by now; its row is loaded.
        onMessageRevealed: (conversation, row, messageId) => chat.showMessage(row)
        onRevealFailed: chat.showNote(qsTr("That message cannot be shown any more: it may have been deleted."))
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
        // A hidden bar is not read out.
        Accessible.ignored: !visible
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
        // A hidden bar is not read out.
        Accessible.ignored: !visible
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

    // The offline store cannot be used: the app works on, but nothing is kept. Not blocking.
    Rectangle {
        id: storeNotice
        objectName: "offlineStoreNotice"
        property bool dismissed: false
        Layout.fillWidth: true
        visible: ConversationManager.offlineStoreError !== "" && !dismissed
        implicitHeight: storeRow.implicitHeight + 10
        color: Theme.warningBackground
        Accessible.role: Accessible.AlertMessage
        Accessible.name: storeText.text
        // A hidden bar is not read out.
        Accessible.ignored: !visible
        RowLayout {
            id: storeRow
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing * 2
            anchors.rightMargin: Theme.spacing
            Text {
                id: storeText
                objectName: "offlineStoreText"
                Layout.fillWidth: true
                text: qsTr("Messages cannot be kept on this computer: %1. StudyConnect still works; nothing is kept after you quit.").arg(ConversationManager.offlineStoreError)
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.warningText
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Dismiss")
                onClicked: storeNotice.dismissed = true
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
            onSearchRequested: main.openSearch()
            onStorageSettingsRequested: main.openStorageSettings()
        }

        ChatPane {
            id: chat
            Layout.fillWidth: true
            Layout.fillHeight: true
            conversation: main.current
            onSearchRequested: main.openSearch()

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
        id: searchLoader
        active: false
        sourceComponent: SearchDialog {
            parent: Overlay.overlay
            search: messageSearch
        }
    }
    Loader {
        id: storageLoader
        active: false
        sourceComponent: StorageSettingsDialog {
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
