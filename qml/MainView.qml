import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Auth
import StudyConnect.Chat
import StudyConnect.Desktop

// The signed-in window: sidebar and chat container, the quick switcher, keyboard shortcuts,
// read marking and notifications. It binds views to SocketService's models; the protocol is
// entirely SocketService's business.
Item {
    id: main
    objectName: "mainView"

    /// "room:<id>" or "dm:<user id>"; empty when nothing is open.
    property string currentKey: ""
    readonly property bool isDirect: currentKey.startsWith("dm:")
    readonly property string currentId: currentKey.substring(currentKey.indexOf(":") + 1)
    readonly property var currentMessages: currentKey === "" ? null
        : (isDirect ? SocketService.directMessages(currentId) : SocketService.roomMessages(currentId))
    readonly property int totalUnread: watcher.totalUnread
    property bool windowActive: true
    property var drafts: ({})
    /// Rooms the user left in this session: opening them again does not re-join on its own.
    property var leftRooms: ({})
    property bool everConnected: false

    function roomInfo(id) {
        const row = SocketService.rooms.indexOf(id)
        return row >= 0 ? SocketService.rooms.get(row) : null
    }
    function personInfo(id) {
        const row = SocketService.presence.indexOf(id)
        return row >= 0 ? SocketService.presence.get(row) : null
    }
    function conversationInfo(id) {
        const row = SocketService.conversations.indexOf(id)
        return row >= 0 ? SocketService.conversations.get(row) : null
    }

    /// Opens a conversation; `focusComposer` puts the focus in the composer.
    function open(key, focusComposer) {
        if (key === "" )
            return
        if (key !== currentKey) {
            if (currentKey !== "") {
                drafts[currentKey] = chat.composer.text
                typingNotifier.stop()
            }
            const id = key.substring(key.indexOf(":") + 1)
            if (key.startsWith("room:")) {
                if (!SocketService.isJoined(id) && !leftRooms[id])
                    SocketService.joinRoom(id)
            } else {
                SocketService.startConversation(id)
            }
            currentKey = key
            chat.composer.setTextQuietly(drafts[key] || "")
            Notifier.withdraw(key)
        }
        markCurrentRead()
        if (focusComposer)
            chat.composer.focusInput()
    }

    function markCurrentRead() {
        if (currentKey === "" || !windowActive)
            return
        if (isDirect)
            SocketService.markConversationRead(currentId)
        else
            SocketService.markRoomRead(currentId)
    }

    /// Every conversation in sidebar order: rooms, then direct messages.
    function conversationKeys() {
        const keys = []
        for (let i = 0; i < SocketService.rooms.count; ++i)
            keys.push("room:" + SocketService.rooms.get(i).id)
        for (let i = 0; i < SocketService.conversations.count; ++i)
            keys.push("dm:" + SocketService.conversations.get(i).peerId)
        return keys
    }
    function moveConversation(step) {
        const keys = conversationKeys()
        if (keys.length === 0)
            return
        let index = keys.indexOf(currentKey)
        index = index < 0 ? (step > 0 ? 0 : keys.length - 1) : (index + step + keys.length) % keys.length
        open(keys[index], true)
    }

    function switcherCandidates() {
        const list = []
        const rooms = SocketService.rooms
        for (let i = 0; i < rooms.count; ++i) {
            const r = rooms.get(i)
            list.push({ key: "room:" + r.id, name: r.name, kind: "room",
                        detail: r.joined ? qsTr("room") : qsTr("room · not joined") })
        }
        const people = SocketService.presence
        for (let i = 0; i < people.count; ++i) {
            const p = people.get(i)
            if (p.id === SocketService.currentUserId)
                continue
            list.push({ key: "dm:" + p.id, name: p.name, kind: "person",
                        detail: p.online ? qsTr("online") : qsTr("offline") })
        }
        const conversations = SocketService.conversations
        for (let i = 0; i < conversations.count; ++i) {
            const c = conversations.get(i)
            if (!list.some(e => e.key === "dm:" + c.peerId))
                list.push({ key: "dm:" + c.peerId, name: c.peerName, kind: "dm", detail: qsTr("direct message") })
        }
        return list
    }

    function openSwitcher() {
        switcherLoader.active = true
        switcherLoader.item.candidates = switcherCandidates()
        switcherLoader.item.open()
    }

    onWindowActiveChanged: markCurrentRead()

    // --- keyboard ---
    Shortcut {
        sequences: ["Ctrl+K"]
        context: Qt.WindowShortcut
        onActivated: main.openSwitcher()
    }
    Shortcut {
        sequences: ["Alt+Down"]
        context: Qt.WindowShortcut
        onActivated: main.moveConversation(1)
    }
    Shortcut {
        sequences: ["Alt+Up"]
        context: Qt.WindowShortcut
        onActivated: main.moveConversation(-1)
    }

    // --- unread, notifications, typing ---
    UnreadWatcher {
        id: watcher
        rooms: SocketService.rooms
        conversations: SocketService.conversations
        activeKey: main.currentKey
        windowActive: main.windowActive
        // Nothing to announce before the first connection has settled (initial lists and catch-up).
        notificationsEnabled: main.everConnected
    }
    Connections {
        target: Notifier
        function onActivated(key) {
            main.open(key, true)
            Window.window.raise()
            Window.window.requestActivate()
        }
    }
    TypingTracker { id: typingTracker }
    TypingNotifier {
        id: typingNotifier
        // The conversation the notice is about is fixed when typing starts, so a switch while
        // typing stops it in the conversation it started in.
        property var target: null
        onTypingStarted: {
            target = { id: main.currentId, direct: main.isDirect }
            SocketService.sendTyping(target.id, target.direct, true)
        }
        onTypingStopped: {
            if (target)
                SocketService.sendTyping(target.id, target.direct, false)
            target = null
        }
    }
    Connections {
        target: SocketService
        function onConnected() {
            main.everConnected = true
            typingTracker.clear()
        }
        function onDisconnected() { typingTracker.clear() }
    }
    Component.onCompleted: {
        if (SocketService.connectionState === SocketService.Connected)
            everConnected = true
        SocketService.on("typing:update", (payload) => typingTracker.noteEvent(payload, SocketService.currentUserId))
    }
    Component.onDestruction: SocketService.off("typing:update")

    Connections {
        target: main.currentMessages
        ignoreUnknownSignals: true
        function onCountChanged() { main.markCurrentRead() }
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

    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 0

        Sidebar {
            id: sidebar
            Layout.preferredWidth: Theme.sidebarWidth
            Layout.fillHeight: true
            rooms: SocketService.rooms
            conversations: SocketService.conversations
            people: SocketService.presence
            currentKey: main.currentKey
            selfId: SocketService.currentUserId
            selfOnline: SocketService.connectionState === SocketService.Connected
            onOpenRequested: (key) => main.open(key, false)
            onPersonActivated: (userId) => main.open("dm:" + userId, true)
            onJoinByIdRequested: main.openJoinDialog()
            onSwitcherRequested: main.openSwitcher()
            onSignOutRequested: Session.signOut()
        }

        ChatPane {
            id: chat
            Layout.fillWidth: true
            Layout.fillHeight: true
            conversationKey: main.currentKey
            messages: main.currentMessages
            isDirect: main.isDirect
            title: {
                if (main.currentKey === "")
                    return ""
                // Re-evaluated when the lists change (names arrive after the first paint).
                const _ = [SocketService.rooms.count, SocketService.presence.count, SocketService.conversations.count]
                if (main.isDirect) {
                    const p = main.personInfo(main.currentId) || main.conversationInfo(main.currentId)
                    return p ? (p.name || p.peerName) : qsTr("User %1").arg(main.currentId)
                }
                const r = main.roomInfo(main.currentId)
                return r ? r.name : qsTr("Room %1").arg(main.currentId)
            }
            subtitle: {
                const _ = [SocketService.rooms.count, SocketService.presence.count, presenceRevision.value, roomRevision.value]
                if (main.currentKey === "")
                    return ""
                if (main.isDirect) {
                    const p = main.personInfo(main.currentId)
                    return p ? (p.online ? qsTr("Online") : qsTr("Offline")) + (p.role ? " · " + p.role : "") : ""
                }
                const r = main.roomInfo(main.currentId)
                if (!r)
                    return ""
                const members = r.memberCount > 0 ? qsTr("%n member(s)", "", r.memberCount) : ""
                return [members, r.description].filter(s => s).join(" · ")
            }
            joined: {
                const _ = roomRevision.value
                return main.isDirect || SocketService.isJoined(main.currentId)
            }
            peerOnline: {
                const _ = presenceRevision.value
                const p = main.isDirect ? main.personInfo(main.currentId) : null
                return !!p && p.online
            }
            typingText: {
                const _ = typingTracker.revision
                return typingTracker.text(main.currentKey)
            }

            banner.connectionState: SocketService.connectionState
            banner.attempt: SocketService.reconnectAttempt
            banner.secondsLeft: SocketService.nextRetryIn
            banner.pendingCount: SocketService.pendingCount
            banner.everConnected: main.everConnected
            banner.onRetryNowRequested: SocketService.retryNow()

            onSendRequested: (text) => {
                typingNotifier.stop()
                if (main.isDirect)
                    SocketService.sendDirectMessage(main.currentId, text)
                else
                    SocketService.sendMessage(main.currentId, text)
                main.drafts[main.currentKey] = ""
                chat.timeline.positionViewAtBeginning()
            }
            onComposerEdited: (text) => typingNotifier.edited(text.trim() === "")
            onJoinRequested: {
                delete main.leftRooms[main.currentId]
                SocketService.joinRoom(main.currentId)
            }
            onLeaveRequested: {
                main.leftRooms[main.currentId] = true
                SocketService.leaveRoom(main.currentId)
            }
        }
    }

    }

    // Bumped when a model's rows change, for bindings that read them through get().
    QtObject {
        id: roomRevision
        property int value: 0
    }
    QtObject {
        id: presenceRevision
        property int value: 0
    }
    Connections {
        target: SocketService.rooms
        function onDataChanged() { roomRevision.value++ }
    }
    Connections {
        target: SocketService.presence
        function onDataChanged() { presenceRevision.value++ }
        function onRowsMoved() { presenceRevision.value++ }
    }
    Connections {
        target: SocketService
        function onRoomJoinConfirmed() { roomRevision.value++ }
        function onRoomJoinFailed() { roomRevision.value++ }
    }

    // Popups are created on first use: nothing to pay for at start-up.
    Loader {
        id: switcherLoader
        active: false
        sourceComponent: QuickSwitcher {
            parent: Overlay.overlay
            onChosen: (key) => main.open(key, true)
        }
    }
    Loader {
        id: joinDialogLoader
        active: false
        sourceComponent: JoinRoomDialog {
            parent: Overlay.overlay
            onJoinRequested: (roomId) => {
                delete main.leftRooms[roomId]
                SocketService.joinRoom(roomId)
                main.open("room:" + roomId, true)
            }
        }
    }
    function openJoinDialog() {
        joinDialogLoader.active = true
        joinDialogLoader.item.open()
    }
}
