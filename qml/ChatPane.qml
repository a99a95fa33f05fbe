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
        const members = conversation.memberCount > 0 ? qsTr("%n member(s)", "", conversation.memberCount) : ""
        return [members, conversation.description].filter(s => s).join(" · ")
    }
    /// The thread shown beside the timeline; null when none is open.
    readonly property var openThread: conversation ? conversation.openThread : null
    /// Below this window width an open thread takes the timeline's place.
    readonly property bool narrow: (Window.width > 0 ? Window.width : width) < 900
    /// The header's search button (the window opens the search; Ctrl+F does too).
    signal searchRequested()

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
        highlightTimer.restart()
        // After the view has taken the rows that were just loaded.
        Qt.callLater(() => {
            timeline.forceLayout()
            timeline.positionViewAtIndex(row, ListView.Center)
        })
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
            visible: pane.isOpen

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing * 2
                anchors.rightMargin: Theme.spacing * 2
                spacing: Theme.spacing

                Avatar {
                    visible: pane.isDirect
                    name: pane.title
                    showPresence: true
                    online: !!pane.conversation && pane.conversation.peerOnline
                    Layout.preferredWidth: 32
                    Layout.preferredHeight: 32
                }
                Text {
                    visible: !pane.isDirect
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
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: pane.subtitle
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFont
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
                    onClicked: pane.conversation.join()
                }
                Button {
                    visible: !!pane.conversation && !pane.isDirect && pane.canWrite
                    objectName: "leaveButton"
                    text: qsTr("Leave")
                    flat: true
                    Accessible.name: qsTr("Leave this room")
                    onClicked: pane.conversation.leave()
                }
                ToolButton {
                    objectName: "pinsButton"
                    visible: !!pane.conversation && pane.conversation.hasPins && pane.conversation.pinnedCount > 0
                    text: "📌 " + (pane.conversation ? pane.conversation.pinnedCount : 0)
                    Accessible.name: qsTr("%n pinned message(s)", "", pane.conversation ? pane.conversation.pinnedCount : 0)
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Pinned messages")
                    onClicked: pinsPopup.open()
                }
                ToolButton {
                    objectName: "unresolvedFilterButton"
                    visible: !!pane.conversation && pane.conversation.canUseThreads
                    checkable: true
                    checked: threadFilter.unresolvedOnly
                    text: pane.narrow ? "?" : qsTr("Unresolved threads")
                    Accessible.name: qsTr("Show only unresolved threads")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Show only unresolved threads")
                    onToggled: threadFilter.unresolvedOnly = checked
                }
                ToolButton {
                    objectName: "searchButton"
                    text: qsTr("Search")
                    Accessible.name: qsTr("Search messages (Ctrl+F)")
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

                        ScrollBar.vertical: ScrollBar { }

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
                            if (event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))) {
                                if (currentItem)
                                    currentItem.openMenuFromKeyboard()
                                event.accepted = true
                            }
                        }

                        readonly property bool awayFromLatest: contentHeight > height
                            && (contentY + height) < (contentHeight + originY - height / 2)

                        function loadOlderIfNeeded() {
                            // Filtered, the rows are too few to tell where the top is: nothing is paged.
                            if (!model || threadFilter.unresolvedOnly || model.loading || model.historyComplete)
                                return
                            // Within a screen of the oldest loaded message (the top in BottomToTop).
                            if (contentY - originY < height && model.canFetchMore(model.index(-1, 0)))
                                model.fetchMore(model.index(-1, 0))
                        }
                        onContentYChanged: loadOlderIfNeeded()
                        onCountChanged: Qt.callLater(loadOlderIfNeeded)
                        onModelChanged: Qt.callLater(loadOlderIfNeeded)

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
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: qsTr("Pick a room or a person on the left, or press Ctrl+K.")
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
                        visible: timeline.visible && timeline.awayFromLatest
                        text: qsTr("↓ Latest")
                        padding: 10
                        Accessible.name: qsTr("Jump to latest message")
                        onClicked: timeline.positionViewAtBeginning()
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
                            timeline.positionViewAtBeginning()
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
