import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Chat
import StudyConnect.Desktop

// The chat container: header, connection banner, the timeline (newest at the bottom, older
// history loaded while scrolling up, "Jump to latest" when away from it), the typing line and
// the composer. Everything it shows comes from the Conversation in `conversation`. Study
// conversations add the pinned messages and the "Unresolved threads" filter in the header, a
// notice when an action was refused, the message menu, and the open thread beside the timeline
// (instead of it in a narrow window).
Rectangle {
    id: pane
    objectName: "chatPane"

    /// The open Conversation; null when nothing is open.
    property Conversation conversation: null
    /// The conversation's messages (a plain list model in the component tests).
    property var messages: conversation ? conversation.messages : null
    property string title: conversation ? conversation.name : ""
    readonly property bool isOpen: messages !== null
    readonly property bool isDirect: !!conversation && conversation.isDirect
    readonly property bool canWrite: !conversation || conversation.canWrite
    readonly property string subtitle: {
        if (!conversation)
            return ""
        if (conversation.isDirect)
            return (conversation.peerOnline ? qsTr("Online") : qsTr("Offline"))
                    + (conversation.description ? " · " + conversation.description : "")
        return conversation.description
    }
    /// "4 members" in a room's header; a button that lists them where the server can.
    readonly property string membersText: !!conversation && !conversation.isDirect && conversation.memberCount > 0
                                          ? qsTr("%n member(s)", "", conversation.memberCount) : ""
    /// The thread shown beside the timeline; null when none is open.
    readonly property var openThread: conversation ? conversation.openThread : null
    /// Below this window width an open thread takes the timeline's place.
    readonly property bool narrow: (Window.width > 0 ? Window.width : width) < 900
    /// The sidebar is in a drawer: the header offers a button that opens it.
    property bool compact: false
    /// The header's search button (the window opens the search; Ctrl+F does too).
    signal searchRequested()
    /// The header's list button, in a compact window.
    signal sidebarRequested()
    /// A member chosen in the member list: their direct conversation.
    signal directConversationRequested(string userId)

    property alias banner: banner
    property alias composer: composer
    property alias timeline: timeline
    property alias actionsHost: actionsHost
    property alias threadFilter: threadFilter

    /// Scrolls to the message with this server id when it is loaded (a quote, a pin); false
    /// when it is not.
    function showMessageId(messageId) {
        if (!messages || typeof messages.rowOfId !== "function")
            return false
        threadFilter.unresolvedOnly = false
        const row = messages.rowOfId(messageId)
        if (row < 0)
            return false
        showMessage(row)
        return true
    }

    /// Scrolls to `row` of the messages (centred) and marks it for a moment: a search result.
    function showMessage(row) {
        timeline.highlightedRow = row
        // The reader wants to read there: new messages must not pull the view away.
        timeline.followLatest = false
        highlightTimer.restart()
        // After the view has taken the rows that were just loaded.
        Qt.callLater(() => {
            timeline.forceLayout()
            timeline.positionViewAtIndex(row, ListView.Center)
        })
    }
    // A new message in the open conversation, for screen readers.
    NewMessageAnnouncer {
        id: announcer
        timeline: timeline
    }

    /// A short line over the timeline for a few seconds (a search hit that cannot be shown).
    function showNote(text) {
        transientNote.text = text
        noteTimer.restart()
    }
    Timer {
        id: noteTimer
        interval: 5000
        onTriggered: transientNote.text = ""
    }
    Timer {
        id: highlightTimer
        interval: 2500
        onTriggered: timeline.highlightedRow = -1
    }

    // Each conversation keeps its own draft.
    onConversationChanged: {
        composer.setTextQuietly(conversation ? conversation.draft : "")
        timeline.highlightedRow = -1
        threadFilter.unresolvedOnly = false
    }
    // The conversation changes the draft too: an edit starts or ends, a message was sent.
    Connections {
        target: pane.conversation
        function onDraftChanged() {
            if (composer.text !== pane.conversation.draft)
                composer.setTextQuietly(pane.conversation.draft)
        }
    }

    MessageMenu {
        id: actionsHost
        conversation: pane.conversation
        onComposerWanted: (inThread) => inThread ? threadPanel.focusComposer() : composer.focusInput()
    }
    ThreadFilterModel {
        id: threadFilter
        sourceModel: pane.messages
    }
    // Under the header, at the left edge.
    MembersPopup {
        id: membersPopup
        conversation: pane.conversation
        width: Math.min(340, pane.width - Theme.spacing * 2)
        x: Theme.spacing
        y: 52
        onPersonChosen: (userId) => pane.directConversationRequested(userId)
    }
    // Under the header, at the right edge.
    PinsPopup {
        id: pinsPopup
        conversation: pane.conversation
        width: Math.min(380, pane.width - Theme.spacing * 2)
        x: pane.width - width - Theme.spacing
        y: 52
        onMessageChosen: (messageId) => pane.showMessageId(messageId)
    }

    color: Theme.base

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // --- header ---
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 56
            color: Theme.base
            // In a compact window the header carries the way to the sidebar, so it stays.
            visible: pane.isOpen || pane.compact

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: pane.compact ? Theme.spacing : Theme.spacing * 2
                anchors.rightMargin: pane.compact ? Theme.spacing : Theme.spacing * 2
                spacing: Theme.spacing

                ToolButton {
                    objectName: "sidebarButton"
                    visible: pane.compact
                    text: "☰"
                    font.pixelSize: Theme.titleFont
                    Accessible.name: qsTr("Conversations (Ctrl+Shift+D)")
                    Accessible.ignored: !visible
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Conversations (Ctrl+Shift+D)")
                    onClicked: pane.sidebarRequested()
                }

                Avatar {
                    visible: pane.isDirect
                    name: pane.title
                    showPresence: true
                    online: !!pane.conversation && pane.conversation.peerOnline
                    Layout.preferredWidth: 32
                    Layout.preferredHeight: 32
                }
                Text {
                    visible: pane.isOpen && !pane.isDirect
                    text: "#"
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.titleFont
                    font.weight: Font.Bold
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Text {
                        objectName: "conversationTitle"
                        Layout.fillWidth: true
                        text: pane.title
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.text
                        font.pixelSize: Theme.titleFont
                        font.weight: Font.Bold
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                        Accessible.ignored: !visible
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        visible: pane.membersText !== "" || pane.subtitle !== ""
                        AbstractButton {
                            id: membersButton
                            objectName: "membersButton"
                            visible: pane.membersText !== ""
                            enabled: !!pane.conversation && pane.conversation.canListMembers
                            focusPolicy: Qt.StrongFocus
                            padding: 0
                            Accessible.role: Accessible.Button
                            Accessible.name: qsTr("Show the %n member(s)", "", pane.conversation ? pane.conversation.memberCount : 0)
                            Accessible.ignored: !visible
                            contentItem: Text {
                                text: pane.membersText
                                textFormat: Text.PlainText
                                color: membersButton.enabled && (membersButton.hovered || membersButton.visualFocus) ? Theme.link : Theme.mutedText
                                font.pixelSize: Theme.smallFont
                                font.underline: membersButton.enabled && (membersButton.hovered || membersButton.visualFocus)
                            }
                            onClicked: membersPopup.open()
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: (pane.membersText !== "" && pane.subtitle !== "" ? " · " : "") + pane.subtitle
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: Theme.mutedText
                            font.pixelSize: Theme.smallFont
                        }
                    }
                }
                Button {
                    visible: !!pane.conversation && !pane.isDirect && !pane.canWrite
                    objectName: "joinButton"
                    text: pane.conversation && pane.conversation.membership === Conversation.Joining
                          ? qsTr("Joining…") : qsTr("Join")
                    enabled: !!pane.conversation && pane.conversation.membership === Conversation.NotMember
                    highlighted: true
                    Accessible.name: qsTr("Join this room")
                    Accessible.ignored: !visible
                    onClicked: pane.conversation.join()
                }
                Button {
                    visible: !!pane.conversation && !pane.isDirect && pane.canWrite && !pane.narrow
                    objectName: "leaveButton"
                    text: qsTr("Leave")
                    flat: true
                    Accessible.name: qsTr("Leave this room")
                    Accessible.ignored: !visible
                    onClicked: pane.conversation.leave()
                }
                ToolButton {
                    objectName: "pinsButton"
                    visible: !!pane.conversation && pane.conversation.hasPins && pane.conversation.pinnedCount > 0
                    text: "📌 " + (pane.conversation ? pane.conversation.pinnedCount : 0)
                    Accessible.name: qsTr("%n pinned message(s)", "", pane.conversation ? pane.conversation.pinnedCount : 0)
                    Accessible.ignored: !visible
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Pinned messages")
                    onClicked: pinsPopup.open()
                }
                ToolButton {
                    objectName: "unresolvedFilterButton"
                    visible: !!pane.conversation && pane.conversation.canUseThreads && !pane.narrow
                    checkable: true
                    checked: threadFilter.unresolvedOnly
                    text: qsTr("Unresolved threads")
                    Accessible.name: qsTr("Show only unresolved threads")
                    Accessible.ignored: !visible
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Show only unresolved threads")
                    onToggled: threadFilter.unresolvedOnly = checked
                }
                // A narrow header keeps the title readable: the room's actions go into a menu.
                ToolButton {
                    id: moreButton
                    objectName: "conversationMenuButton"
                    visible: pane.isOpen && pane.narrow
                    text: "⋯"
                    Accessible.name: qsTr("More actions")
                    Accessible.ignored: !visible
                    onClicked: conversationMenu.popup(moreButton, 0, moreButton.height)
                    Menu {
                        id: conversationMenu
                        MenuItem {
                            text: qsTr("Search messages…  (Ctrl+F)")
                            onTriggered: pane.searchRequested()
                        }
                        MenuItem {
                            objectName: "unresolvedFilterItem"
                            visible: !!pane.conversation && pane.conversation.canUseThreads
                            height: visible ? implicitHeight : 0
                            checkable: true
                            checked: threadFilter.unresolvedOnly
                            text: qsTr("Show only unresolved threads")
                            onToggled: threadFilter.unresolvedOnly = checked
                        }
                        MenuItem {
                            objectName: "leaveItem"
                            visible: !!pane.conversation && !pane.isDirect && pane.canWrite
                            height: visible ? implicitHeight : 0
                            text: qsTr("Leave this room")
                            onTriggered: pane.conversation.leave()
                        }
                    }
                }
                ToolButton {
                    objectName: "searchButton"
                    visible: pane.isOpen && !pane.narrow
                    text: qsTr("Search")
                    Accessible.name: qsTr("Search messages (Ctrl+F)")
                    Accessible.ignored: !visible
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Search messages (Ctrl+F)")
                    onClicked: pane.searchRequested()
                }
            }
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.separator
            }
        }

        ConnectionBanner {
            id: banner
            Layout.fillWidth: true
        }

        // --- an edit, deletion, reaction or pin the server refused ---
        Rectangle {
            objectName: "actionErrorBar"
            Layout.fillWidth: true
            visible: !!pane.conversation && pane.conversation.actionError !== ""
            implicitHeight: errorRow.implicitHeight + Theme.spacing
            color: Theme.errorBackground
            Accessible.role: Accessible.AlertMessage
            Accessible.name: errorText.text
            Accessible.ignored: !visible
            RowLayout {
                id: errorRow
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing * 2
                anchors.rightMargin: Theme.spacing
                Text {
                    id: errorText
                    Layout.fillWidth: true
                    text: pane.conversation ? pane.conversation.actionError : ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.danger
                }
                ToolButton {
                    objectName: "dismissActionErrorButton"
                    text: "×"
                    Accessible.name: qsTr("Dismiss")
                    Accessible.ignored: !visible
                    onClicked: pane.conversation.clearActionError()
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0
                // In a narrow window the open thread takes the timeline's place.
                visible: !(pane.openThread && pane.narrow)

                // --- timeline ---
                Item {
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    ListView {
                        id: timeline
                        objectName: "timeline"
                        /// The row showMessage() marks; -1 for none.
                        property int highlightedRow: -1
                        anchors.fill: parent
                        visible: pane.isOpen
                        // The room itself, or only its unresolved questions.
                        model: threadFilter.unresolvedOnly ? threadFilter : pane.messages
                        verticalLayoutDirection: ListView.BottomToTop
                        // Row 0 is the newest message: appending history never moves what the reader sees.
                        clip: true
                        // No reuseItems: in Qt 6.4 a reused delegate kept showing another row after the model
                        // changed (seen in the DM screenshot); creating delegates is cheap enough (see
                        // docs/PERFORMANCE.md).
                        reuseItems: false
                        cacheBuffer: 600
                        boundsBehavior: Flickable.StopAtBounds
                        // No top/bottom margins: positionViewAtBeginning() would stop short of them, and
                        // "at the latest message" must be exactly the end.
                        activeFocusOnTab: true
                        keyNavigationEnabled: true
                        Accessible.role: Accessible.List
                        Accessible.name: qsTr("Messages in %1").arg(pane.title)
                        Accessible.ignored: !visible

                        ScrollBar.vertical: ScrollBar {
                            // Dragging the bar is the reader scrolling, too.
                            onPressedChanged: pressed ? timeline.followLatest = false : timeline.readerScrolled()
                        }

                        delegate: MessageDelegate {
                            conversation: pane.conversation
                            actionsHost: pane.actionsHost
                            onRetryRequested: (clientId) => pane.messages.retry(clientId)
                            onDiscardRequested: (clientId) => pane.messages.discard(clientId)
                            onQuoteActivated: (messageId) => {
                                if (!pane.showMessageId(messageId))
                                    pane.showNote(qsTr("The original message is not loaded."))
                            }
                        }
                        // The menu of the focused message, as for a right click.
                        Keys.onPressed: (event) => {
                            // Moving through the messages with the keys is the reader scrolling:
                            // where the view ends up decides whether to follow.
                            if ([Qt.Key_Up, Qt.Key_Down, Qt.Key_PageUp, Qt.Key_PageDown, Qt.Key_Home, Qt.Key_End].includes(event.key)) {
                                followLatest = false
                                Qt.callLater(readerScrolled)
                            }
                            if (event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))) {
                                if (currentItem)
                                    currentItem.openMenuFromKeyboard()
                                event.accepted = true
                            }
                        }

                        // --- following the conversation ---
                        // At the newest message the view stays there whatever happens below it:
                        // new rows of any height, a row growing, the window shrinking. The reader
                        // leaves it only by scrolling (wheel, drag, scroll bar, keys); back at
                        // the bottom, following starts again.
                        /// True while the reader is at the newest message.
                        property bool followLatest: true
                        /// Messages that arrived while the reader was away from the newest one.
                        property int newWhileAway: 0
                        property bool pinning: false
                        /// Pixels between the bottom of the view and the end of the newest row.
                        readonly property real distanceFromLatest: contentHeight + originY - (contentY + height)
                        readonly property bool awayFromLatest: !followLatest && contentHeight > height

                        function keepLatestInView() {
                            if (!followLatest || moving || count === 0)
                                return
                            pinning = true
                            positionViewAtBeginning()
                            pinning = false
                        }
                        function followAgain() {
                            // A flick still running would carry the view away again.
                            cancelFlick()
                            followLatest = true
                            newWhileAway = 0
                            keepLatestInView()
                        }
                        // Where a scroll by the reader ended decides whether to follow.
                        function readerScrolled() {
                            followLatest = distanceFromLatest < 4
                            if (followLatest)
                                newWhileAway = 0
                        }
                        // Focus arriving (Tab, F6) lands on a message the reader can see, which
                        // then shows the focus ring: the newest when following, else the middle one.
                        onActiveFocusChanged: {
                            if (!activeFocus || count === 0)
                                return
                            const current = currentIndex >= 0 ? itemAtIndex(currentIndex) : null
                            const inView = current && current.y + current.height > contentY && current.y < contentY + height
                            if (!inView) {
                                const middle = indexAt(width / 2, contentY + height / 2)
                                currentIndex = followLatest || middle < 0 ? 0 : middle
                            }
                        }
                        onMovementStarted: followLatest = false
                        onMovementEnded: readerScrolled()
                        onContentYChanged: {
                            // Back at the bottom by any way (keys, scroll bar): follow again.
                            if (!pinning && !followLatest && !moving && distanceFromLatest < 4)
                                readerScrolled()
                            loadOlderIfNeeded()
                        }
                        onContentHeightChanged: keepLatestInView()
                        onHeightChanged: keepLatestInView()
                        onCountChanged: {
                            keepLatestInView()
                            Qt.callLater(loadOlderIfNeeded)
                        }
                        onModelChanged: {
                            followLatest = true
                            newWhileAway = 0
                            Qt.callLater(loadOlderIfNeeded)
                        }
                        Connections {
                            target: timeline.model
                            ignoreUnknownSignals: true
                            function onRowsInserted(parent, first, last) {
                                // Row 0 is the newest: rows at the start are new messages (unless
                                // they are all there is: a conversation's first page).
                                const added = last - first + 1
                                if (first === 0 && timeline.count > added) {
                                    if (!timeline.followLatest)
                                        timeline.newWhileAway += added
                                    Qt.callLater(announcer.announceNewest, added)
                                }
                                // Delegates take their height after this: settle once more.
                                Qt.callLater(timeline.keepLatestInView)
                            }
                            function onModelReset() {
                                timeline.newWhileAway = 0
                                Qt.callLater(timeline.keepLatestInView)
                            }
                        }

                        function loadOlderIfNeeded() {
                            // Filtered, the rows are too few to tell where the top is: nothing is paged.
                            if (!model || threadFilter.unresolvedOnly || model.loading || model.historyComplete)
                                return
                            // Within a screen of the oldest loaded message (the top in BottomToTop).
                            if (contentY - originY < height && model.canFetchMore(model.index(-1, 0)))
                                model.fetchMore(model.index(-1, 0))
                        }

                        // The bottom in BottomToTop: a little room under the newest message.
                        header: Item {
                            width: timeline.width
                            height: Theme.spacing
                        }

                        footer: Item {
                            // The top of the timeline (the footer in BottomToTop): a spinner while older messages load, then the start.
                            width: timeline.width
                            height: 40
                            BusyIndicator {
                                anchors.centerIn: parent
                                running: !!timeline.model && timeline.model.loading === true
                                visible: running
                                height: 28
                                width: 28
                            }
                            Text {
                                anchors.centerIn: parent
                                visible: !!timeline.model && timeline.model.historyComplete === true && timeline.count > 0
                                text: qsTr("This is the start of the conversation.")
                                textFormat: Text.PlainText
                                color: Theme.faintText
                                font.pixelSize: Theme.smallFont
                            }
                        }
                    }

                    Text {
                        anchors.centerIn: parent
                        width: parent.width - 80
                        horizontalAlignment: Text.AlignHCenter
                        visible: pane.isOpen && timeline.count === 0 && !pane.messages.loading
                        text: threadFilter.unresolvedOnly ? qsTr("No unresolved threads among the loaded messages.")
                              : pane.isDirect ? qsTr("No messages yet. Say hello!") : qsTr("No messages in this room yet.")
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: Theme.faintText
                    }

                    Column {
                        anchors.centerIn: parent
                        visible: !pane.isOpen
                        spacing: Theme.spacing
                        Text {
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: qsTr("Welcome to StudyConnect")
                            textFormat: Text.PlainText
                            color: Theme.text
                            font.pixelSize: Theme.titleFont
                            font.weight: Font.DemiBold
                        }
                        Text {
                            width: Math.min(implicitWidth, pane.width - Theme.spacing * 4)
                            anchors.horizontalCenter: parent.horizontalCenter
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                            text: pane.compact ? qsTr("Open the list of conversations with ☰ (Ctrl+Shift+D), or press Ctrl+K.")
                                               : qsTr("Pick a room or a person on the left, or press Ctrl+K.")
                            textFormat: Text.PlainText
                            color: Theme.mutedText
                        }
                    }

                    Rectangle {
                        objectName: "transientNote"
                        anchors.top: parent.top
                        anchors.horizontalCenter: parent.horizontalCenter
                        anchors.topMargin: Theme.spacing
                        width: Math.min(parent.width - Theme.spacing * 4, transientNote.implicitWidth + 24)
                        height: transientNote.implicitHeight + 12
                        radius: Theme.radius
                        color: Theme.warningBackground
                        visible: transientNote.text !== ""
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: transientNote.text
                        Accessible.ignored: !visible
                        Text {
                            id: transientNote
                            anchors.fill: parent
                            anchors.margins: 6
                            horizontalAlignment: Text.AlignHCenter
                            textFormat: Text.PlainText
                            wrapMode: Text.Wrap
                            color: Theme.warningText
                        }
                    }

                    RoundButton {
                        id: jumpButton
                        objectName: "jumpToLatestButton"
                        anchors.right: parent.right
                        anchors.bottom: parent.bottom
                        anchors.margins: Theme.spacing * 2
                        /// New messages below the view.
                        readonly property int newCount: timeline.newWhileAway
                        visible: timeline.visible && timeline.awayFromLatest
                        text: newCount > 0 ? qsTr("↓ %n new", "", newCount) : qsTr("↓ Latest")
                        padding: 10
                        Accessible.name: newCount > 0 ? qsTr("Jump to latest message, %n new", "", newCount)
                                                      : qsTr("Jump to latest message")
                        Accessible.ignored: !visible
                        onClicked: timeline.followAgain()
                    }
                }

                // --- typing line ---
                Text {
                    objectName: "typingLine"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacing * 2
                    Layout.preferredHeight: 18
                    text: pane.conversation ? pane.conversation.typingText : ""
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFont
                    font.italic: true
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                    Accessible.ignored: !visible
                }

                Composer {
                    id: composer
                    Layout.fillWidth: true
                    conversation: pane.conversation
                    active: pane.isOpen && pane.canWrite
                    inactiveHint: !pane.isOpen ? qsTr("Open a room or a conversation to start writing")
                                               : qsTr("Join the room to write")
                    placeholder: pane.isDirect ? qsTr("Message %1").arg(pane.title) : qsTr("Message #%1").arg(pane.title)
                    onSendRequested: (text) => {
                        if (pane.conversation && pane.conversation.send(text))
                            timeline.followAgain()
                    }
                    onEdited: (text) => { if (pane.conversation) pane.conversation.draft = text }
                }
            }

            ThreadPanel {
                id: threadPanel
                visible: !!pane.openThread
                Layout.fillHeight: true
                Layout.fillWidth: pane.narrow
                Layout.preferredWidth: pane.narrow ? -1 : 360
                thread: pane.openThread
                actionsHost: pane.actionsHost
                onCloseRequested: {
                    pane.conversation.closeThread()
                    composer.focusInput()
                }
                onThreadChanged: if (thread) Qt.callLater(threadPanel.focusComposer)
            }
        }
    }
}
