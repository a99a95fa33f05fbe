import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Chat
import StudyConnect.Desktop

// One row of the timeline: an optional day separator, then either a system line ("Ada joined")
// or a message with avatar, name and time at the start of a run from one sender. Our own
// messages show Pending ("Sending…") and Failed (reason, Retry, Discard) until confirmed. A
// "New messages" line marks where reading stopped. Study conversations add a reply quote, an
// "(edited)" mark, deleted placeholders, a thread summary under questions, reactions, a pin and
// the actions (hover toolbar, context menu) the conversation allows; a message that mentions
// the user is tinted. Markdown and math are drawn by RichMessageBody; plain text by MessageText.
Item {
    id: row

    required property int index
    required property string clientId
    required property string senderName
    required property string senderAvatar
    required property string text
    required property var createdAt
    required property bool isMine
    required property int deliveryState
    required property bool showSender
    required property bool showDate
    required property int kind
    required property string errorString
    required property bool showReadMarker
    /// The row's roles; the study roles are read from here so that models without them (the seed's
    /// shape in tests) still give a plain message.
    required property var model

    /// The Conversation the row belongs to (null: no actions).
    property var conversation: null
    /// Shown in a thread panel: no Reply, no thread line.
    property bool inThread: false
    /// The shared MessageMenu that opens menus and the emoji picker; null: no actions.
    property var actionsHost: null

    readonly property string messageId: model.id ?? ""
    readonly property bool isDeleted: model.isDeleted ?? false
    readonly property bool isEdited: model.isEdited ?? false
    readonly property string replyToId: model.replyToId ?? ""
    readonly property string replyToSenderName: model.replyToSenderName ?? ""
    readonly property string replyToText: model.replyToText ?? ""
    readonly property string threadId: model.threadId ?? ""
    readonly property int threadReplyCount: model.threadReplyCount ?? 0
    readonly property var threadLastReplyAt: model.threadLastReplyAt ?? null
    readonly property bool threadResolved: model.threadResolved ?? false
    readonly property var reactions: model.reactions ?? []
    readonly property bool mentionsMe: model.mentionsMe ?? false
    readonly property bool isPinned: model.isPinned ?? false
    readonly property bool changePending: model.changePending ?? false
    /// Files and pictures sent with the message (FileInfo maps); [] for none.
    readonly property var attachments: model.attachments ?? []
    readonly property real uploadProgress: model.uploadProgress ?? -1

    /// Markdown or math in the text: drawn by RichMessageBody. Plain text keeps MessageText (the
    /// cheap path: no parse, links found in C++).
    readonly property bool richText: !notice && !isDeleted && TextTools.needsRichText(text)
    readonly property bool pending: deliveryState === MessageListModel.Pending
    readonly property bool failed: deliveryState === MessageListModel.Failed
    readonly property bool notice: kind !== MessageListModel.Message
    /// The row a search result opened: marked for a moment so the eye finds it.
    readonly property bool highlighted: !!ListView.view && ListView.view.highlightedRow === index
    // The locale's short time without seconds ("14:05", "2:05 PM").
    readonly property string timeText: createdAt ? createdAt.toLocaleTimeString(Qt.locale(), Theme.timeFormat) : ""
    /// The timeline's current row while it has the keyboard focus.
    readonly property bool keyboardFocused: !!ListView.view && ListView.view.activeFocus && ListView.isCurrentItem
    /// A confirmed, visible message: the only kind anything can be done with.
    readonly property bool actionable: !notice && !pending && !failed && !isDeleted && messageId !== ""
                                       && !!conversation && !!actionsHost
    readonly property bool canReact: actionable && conversation.canReact
    readonly property bool canReply: actionable && conversation.canReply
    readonly property bool canReplyInThread: actionable && conversation.canUseThreads && !inThread && threadId === ""
    /// Some study action exists here: the hover toolbar is worth showing.
    readonly property bool hasStudyActions: canReact || canReply || canReplyInThread
        || (actionable && (conversation.canEdit || conversation.canDelete || conversation.canModerate || conversation.canPin))
    /// "(edited)", "Pinned", "saving…": small marks after the time.
    readonly property string marks: [isEdited && !isDeleted ? qsTr("(edited)") : "",
                                     isPinned ? "📌 " + qsTr("Pinned") : "",
                                     changePending ? qsTr("saving…") : ""].filter(s => s).join("  ")

    signal retryRequested(string clientId)
    signal discardRequested(string clientId)
    /// The reply quote was clicked: show the message it quotes.
    signal quoteActivated(string messageId)

    /// What the menu needs to know about this message, kept while the row may go away.
    function snapshot() {
        return { id: messageId, text: text, isMine: isMine, isPinned: isPinned, threadId: threadId,
                 threadReplyCount: threadReplyCount, threadResolved: threadResolved, inThread: inThread }
    }
    /// Opens the context menu (right click at a point; the keyboard at the top right).
    function openMenu(item, x, y) {
        if (actionable)
            actionsHost.openMenu(snapshot(), item, x, y)
    }
    function openMenuFromKeyboard() {
        openMenu(messageItem, messageItem.width - Theme.spacing * 2, Theme.spacing)
    }

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: column.implicitHeight
    height: implicitHeight

    Accessible.role: Accessible.ListItem
    Accessible.ignored: !visible
    Accessible.name: {
        if (notice)
            return text
        let state = ""
        if (pending)
            state = qsTr("sending")
        else if (failed)
            state = qsTr("not sent: %1").arg(errorString)
        if (isEdited && !isDeleted)
            state = [state, qsTr("edited")].filter(s => s).join(", ")
        if (threadReplyCount > 0 && !inThread)
            state = [state, qsTr("%n replies", "", threadReplyCount)].filter(s => s).join(", ")
        const quote = replyToId !== "" ? qsTr("replying to %1").arg(replyToSenderName) + ", " : ""
        const files = attachments.map(a => (a.isImage ? qsTr("Image %1, %2") : qsTr("File %1, %2")).arg(a.name).arg(a.sizeText)).join(", ")
        return quote + qsTr("%1 at %2: %3").arg(senderName).arg(timeText).arg(text) + (files ? ", " + files : "")
                + (state ? ", " + state : "")
    }

    function dayLabel(date) {
        if (!date)
            return ""
        const today = new Date()
        const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate())
        const startOfDay = new Date(date.getFullYear(), date.getMonth(), date.getDate())
        const days = Math.round((startOfToday - startOfDay) / 86400000)
        if (days === 0)
            return qsTr("Today")
        if (days === 1)
            return qsTr("Yesterday")
        return date.toLocaleDateString(Qt.locale(), days < 7 ? "dddd" : Locale.LongFormat)
    }

    Column {
        id: column
        width: parent.width
        topPadding: row.showSender || row.showDate || row.notice ? Theme.spacing : 0

        // --- day separator (created only where a day starts: delegates stay cheap to scroll) ---
        Loader {
            active: row.showDate
            visible: active
            width: parent.width
            sourceComponent: Item {
                objectName: "daySeparator"
                width: parent ? parent.width : 0
                height: dayText.implicitHeight + Theme.spacing * 2
                Accessible.role: Accessible.Separator
                Accessible.name: dayText.text
                Accessible.ignored: !visible

                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.spacing * 2
                    width: parent.width - Theme.spacing * 4
                    height: 1
                    color: Theme.separator
                }
                Rectangle {
                    anchors.centerIn: parent
                    width: dayText.implicitWidth + Theme.spacing * 3
                    height: dayText.implicitHeight + 6
                    radius: height / 2
                    color: Theme.base
                    border.color: Theme.separator
                    Text {
                        id: dayText
                        anchors.centerIn: parent
                        text: row.dayLabel(row.createdAt)
                        textFormat: Text.PlainText
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFont
                        font.weight: Font.DemiBold
                    }
                }
            }
        }

        // --- where reading stopped ---
        Loader {
            active: row.showReadMarker
            visible: active
            width: parent.width
            sourceComponent: Item {
                objectName: "readMarker"
                width: parent ? parent.width : 0
                height: markerText.implicitHeight + Theme.spacing
                Accessible.role: Accessible.Separator
                Accessible.name: markerText.text
                Accessible.ignored: !visible
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.spacing * 2
                    width: parent.width - Theme.spacing * 4 - markerText.implicitWidth - Theme.spacing
                    height: 1
                    color: Theme.accent
                }
                Text {
                    id: markerText
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.right: parent.right
                    anchors.rightMargin: Theme.spacing * 2
                    text: qsTr("New messages")
                    textFormat: Text.PlainText
                    color: Theme.accent
                    font.pixelSize: Theme.smallFont
                    font.weight: Font.DemiBold
                }
            }
        }

        // --- joined / left line ---
        Loader {
            active: row.notice
            visible: active
            width: parent.width
            sourceComponent: Text {
                objectName: "noticeText"
                width: parent ? parent.width : 0
                height: implicitHeight + Theme.spacing / 2
                leftPadding: Theme.spacing * 2 + Theme.avatarSize + Theme.spacing
                rightPadding: Theme.spacing * 2
                text: (row.kind === MessageListModel.JoinedNotice ? "→ " : "← ") + row.text + (row.timeText ? "  ·  " + row.timeText : "")
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
                font.italic: true
            }
        }

        // --- message --- (positioners and anchors, no Layouts: delegates are created while
        // scrolling and must stay cheap)
        Item {
            id: messageItem
            visible: !row.notice
            width: parent.width
            height: visible ? Math.max(avatarColumn.height, body.height) + 4 : 0
            objectName: "messageItem"

            Rectangle {
                objectName: "mentionHighlight"
                anchors.fill: parent
                visible: row.mentionsMe && !row.isDeleted
                color: Theme.mentionBackground
                Rectangle {
                    width: 3
                    height: parent.height
                    color: Theme.mentionMark
                }
            }
            Rectangle {
                anchors.fill: parent
                visible: row.failed || hover.hovered || row.keyboardFocused
                color: row.failed ? Theme.errorBackground : Theme.hover
                border.color: row.keyboardFocused ? Theme.focusRing : "transparent"
                border.width: 2
            }
            Rectangle {
                objectName: "searchHighlight"
                anchors.fill: parent
                color: Theme.selected
                opacity: row.highlighted ? 1 : 0
                visible: opacity > 0
                Behavior on opacity { NumberAnimation { duration: 600 } }
            }
            HoverHandler { id: hover }
            TapHandler {
                acceptedButtons: Qt.RightButton
                enabled: row.actionable
                onTapped: (eventPoint) => row.openMenu(messageItem, eventPoint.position.x, eventPoint.position.y)
            }

            Item {
                id: avatarColumn
                x: Theme.spacing * 2
                y: 2
                width: Theme.avatarSize
                height: row.showSender ? Theme.avatarSize : 0
                Loader {
                    active: row.showSender
                    anchors.fill: parent
                    sourceComponent: Avatar {
                        name: row.senderName
                        source: row.senderAvatar
                    }
                }
                // The time of a continuation line, shown while hovered.
                Text {
                    visible: !row.showSender && hover.hovered
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.topMargin: 3
                    text: row.timeText
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont * 0.92
                }
            }

            Column {
                id: body
                x: avatarColumn.x + avatarColumn.width + Theme.spacing * 1.5
                y: 2
                width: parent.width - x - Theme.spacing * 2
                spacing: 2

                Loader {
                    active: row.showSender
                    visible: active
                    width: body.width
                    sourceComponent: Row {
                        spacing: Theme.spacing
                        Text {
                            id: senderText
                            objectName: "senderName"
                            text: row.senderName
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            width: Math.min(implicitWidth, body.width * 0.6)
                            color: Theme.text
                            font.weight: Font.DemiBold
                        }
                        Text {
                            objectName: "timeText"
                            anchors.baseline: senderText.baseline
                            text: row.timeText
                            textFormat: Text.PlainText
                            color: Theme.faintText
                            font.pixelSize: Theme.smallFont
                        }
                        Text {
                            objectName: "marksText"
                            anchors.baseline: senderText.baseline
                            visible: text !== ""
                            text: row.marks
                            textFormat: Text.PlainText
                            color: Theme.faintText
                            font.pixelSize: Theme.smallFont
                        }
                    }
                }

                Loader {
                    active: row.replyToId !== "" && !row.isDeleted
                    visible: active
                    width: Math.min(body.width, 520)
                    sourceComponent: ReplyQuote {
                        senderName: row.replyToSenderName
                        quotedText: row.replyToText
                        onClicked: row.quoteActivated(row.replyToId)
                    }
                }

                MessageText {
                    objectName: "messageText"
                    // A message of files alone has no empty line above them.
                    visible: !row.isDeleted && !row.richText && (row.text !== "" || row.attachments.length === 0)
                    width: body.width
                    text: row.richText ? "" : row.text
                    opacity: row.pending ? 0.6 : 1
                }
                Loader {
                    objectName: "richBodyLoader"
                    active: row.richText
                    visible: active
                    width: body.width
                    sourceComponent: RichMessageBody {
                        objectName: "richBody"
                        text: row.text
                        opacity: row.pending ? 0.6 : 1
                    }
                }
                // A deleted message: the model's sentence ("This message was deleted"), muted.
                Text {
                    objectName: "deletedText"
                    visible: row.isDeleted
                    width: body.width
                    text: row.text
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    font.italic: true
                }
                Loader {
                    objectName: "attachmentsLoader"
                    active: row.attachments.length > 0 && !row.isDeleted
                    visible: active
                    width: body.width
                    sourceComponent: MessageAttachments {
                        width: body.width
                        attachments: row.attachments
                        uploadProgress: row.uploadProgress
                        pending: row.pending
                        onCancelRequested: if (row.conversation) row.conversation.cancelUpload(row.clientId)
                    }
                }
                // The marks of a continuation line (a run's first line has them next to the time).
                Text {
                    objectName: "marksLine"
                    visible: !row.showSender && row.marks !== ""
                    text: row.marks
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont
                }

                Loader {
                    active: row.threadReplyCount > 0 && !row.inThread && !row.isDeleted
                    visible: active
                    sourceComponent: ThreadSummary {
                        replyCount: row.threadReplyCount
                        lastReplyAt: row.threadLastReplyAt
                        resolved: row.threadResolved
                        onClicked: if (row.conversation) row.conversation.showThread(row.messageId)
                    }
                }

                Loader {
                    active: row.reactions.length > 0 && !row.isDeleted
                    visible: active
                    width: body.width
                    sourceComponent: ReactionsRow {
                        reactions: row.reactions
                        canReact: row.canReact
                        onToggled: (emoji) => row.conversation.toggleReaction(row.messageId, emoji)
                        onAddRequested: (button) => row.actionsHost.openPicker(row.snapshot(), button)
                    }
                }

                // --- delivery state of our own unconfirmed messages ---
                Text {
                    visible: row.pending
                    objectName: "pendingMarker"
                    text: qsTr("Sending…")
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont
                    font.italic: true
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                    Accessible.ignored: !visible
                }
                Loader {
                    active: row.failed
                    visible: active
                    width: body.width
                    sourceComponent: RowLayout {
                        objectName: "failedMarker"
                        spacing: Theme.spacing
                        Text {
                            Layout.fillWidth: true
                            text: row.errorString ? qsTr("Not sent: %1").arg(row.errorString) : qsTr("Not sent")
                            textFormat: Text.PlainText
                            wrapMode: Text.Wrap
                            color: Theme.danger
                            font.pixelSize: Theme.smallFont
                        }
                        Button {
                            objectName: "retryButton"
                            text: qsTr("Retry")
                            flat: true
                            Accessible.name: qsTr("Retry sending this message")
                            Accessible.ignored: !visible
                            onClicked: row.retryRequested(row.clientId)
                        }
                        Button {
                            objectName: "discardButton"
                            text: qsTr("Discard")
                            flat: true
                            Accessible.name: qsTr("Discard this message")
                            Accessible.ignored: !visible
                            onClicked: row.discardRequested(row.clientId)
                        }
                    }
                }
            }

            // --- hover and focus actions ---
            Loader {
                objectName: "actionsLoader"
                active: row.hasStudyActions && (hover.hovered || row.keyboardFocused)
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacing * 2
                y: 2
                z: 2
                sourceComponent: MessageActions {
                    canReact: row.canReact
                    canReply: row.canReply
                    canReplyInThread: row.canReplyInThread
                    onReactRequested: (button) => row.actionsHost.openPicker(row.snapshot(), button)
                    onReplyRequested: row.actionsHost.reply(row.snapshot())
                    onThreadRequested: row.conversation.showThread(row.messageId)
                    onMenuRequested: (button) => row.openMenu(button, 0, button.height)
                }
            }
        }
    }
}
