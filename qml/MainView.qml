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
    /// Below about 900 px the sidebar leaves the window for a drawer: the conversation keeps the
    /// whole width, and the header's list button or Ctrl+Shift+D brings the sidebar back.
    /// (Not while the view has no size yet: the sidebar would start in the drawer for nothing.)
    readonly property bool compact: width > 0 && width < 900
    readonly property int totalUnread: watcher.totalUnread
    property bool windowActive: true

    /// The window owns the network settings dialog: the sign-in page offers it too.
    signal networkSettingsRequested()
    /// The window owns the settings page (Ctrl+, works signed out too).
    signal settingsRequested()

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
    /// 0 sidebar, 1 messages, 2 composer: where the keyboard focus is now; -1 elsewhere.
    function focusedRegion() {
        const regions = [sidebar, chat.timeline, chat.composer]
        for (let item = main.Window.activeFocusItem; item; item = item.parent) {
            const index = regions.indexOf(item)
            if (index >= 0)
                return index
        }
        return -1
    }
    function focusRegion(step) {
        const now = focusedRegion()
        const next = now < 0 ? (step > 0 ? 0 : 2) : (now + step + 3) % 3
        if (next !== 0)
            sidebarDrawer.close()
        if (next === 0) {
            if (main.compact)
                sidebarDrawer.open()
            else
                sidebar.focusFirst()
        } else if (next === 1 && chat.timeline.visible && chat.timeline.count > 0) {
            chat.timeline.forceActiveFocus(Qt.OtherFocusReason)
        } else {
            chat.composer.focusInput()
        }
    }
    function toggleSidebar() {
        if (sidebarDrawer.opened)
            sidebarDrawer.close()
        else
            sidebarDrawer.open()
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
        // The window's regions in turn, as in browsers and mail clients: sidebar, messages,
        // composer (Shift+F6 backwards).
        sequences: ["F6"]
        context: Qt.WindowShortcut
        onActivated: main.focusRegion(1)
    }
    Shortcut {
        sequences: ["Shift+F6"]
        context: Qt.WindowShortcut
        onActivated: main.focusRegion(-1)
    }
    Shortcut {
        // As in Slack: the list of conversations, in a narrow window.
        sequences: ["Ctrl+Shift+D"]
        context: Qt.WindowShortcut
        enabled: main.compact
        onActivated: main.toggleSidebar()
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
        target: TextTools
        function onLinkOpenFailed(url) {
            chat.showNote(qsTr("No web browser could open %1. Copy the link from the message instead.").arg(url.toString()))
        }
    }
    Connections {
        target: Notifier
        // DesktopShell brings the window to the front (shown again if it was in the tray).
        function onActivated(key) { ConversationManager.openKey(key) }
    }
    Connections {
        target: ConversationManager
        // Opened by click, keyboard, switcher or notification: ready to type.
        function onConversationOpened(conversation) {
            Notifier.withdraw(conversation.key)
            sidebarDrawer.close()
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
                Accessible.ignored: !visible
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
                Accessible.ignored: !visible
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
                Accessible.ignored: !visible
                onClicked: storeNotice.dismissed = true
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 0

        // The sidebar's place in a wide window; in a narrow one it lives in the drawer.
        Item {
            id: sidebarSlot
            // Sized, not hidden: Qt 6.4's RowLayout kept a hidden slot's width, and gave it none
            // when it was shown again.
            Layout.preferredWidth: main.compact ? 0 : Theme.sidebarWidth
            Layout.maximumWidth: Layout.preferredWidth
            Layout.fillHeight: true
        }

        ChatPane {
            id: chat
            Layout.fillWidth: true
            Layout.fillHeight: true
            conversation: main.current
            compact: main.compact
            onSearchRequested: main.openSearch()
            onSidebarRequested: sidebarDrawer.open()
            onDirectConversationRequested: (userId) => ConversationManager.openDirect(userId)

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

            // Files dragged onto the chat go to the composer's draft.
            FileDropArea {
                anchors.fill: parent
                composer: chat.composer
            }
            FileActionsNotice {
                anchors.horizontalCenter: parent.horizontalCenter
                y: 64
                width: Math.min(implicitWidth, parent.width - Theme.spacing * 4)
                z: 3
            }
        }
    }

    }

    // One sidebar: in its place in a wide window, in the drawer in a narrow one.
    Sidebar {
        id: sidebar
        parent: main.compact ? drawerContent : sidebarSlot
        anchors.fill: parent
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
        onSettingsRequested: main.settingsRequested()
    }

    Drawer {
        id: sidebarDrawer
        objectName: "sidebarDrawer"
        edge: Qt.LeftEdge
        width: Math.min(Theme.sidebarWidth, main.width * 0.85)
        height: main.height
        interactive: main.compact
        padding: 0
        // Widening the window puts the sidebar back in its place: nothing left floating.
        onVisibleChanged: if (!visible && main.compact) chat.composer.focusInput()
        Connections {
            target: main
            function onCompactChanged() {
                if (!main.compact)
                    sidebarDrawer.close()
            }
        }
        contentItem: Item {
            id: drawerContent
        }
        // The first focus stop of the sidebar: the drawer is used with the keyboard too.
        onOpened: sidebar.focusFirst()
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
