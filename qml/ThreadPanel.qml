import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One question's thread beside the timeline: the root (who asked, what, when, resolved or open,
// with "Mark resolved" / "Reopen" for its author and tutors), the replies newest at the bottom,
// and a composer of its own. × or Escape (focus inside) closes it.
Rectangle {
    id: panel
    objectName: "threadPanel"

    /// The open Thread.
    property var thread: null
    /// The shared MessageMenu of the chat pane.
    property var actionsHost: null
    readonly property var conversation: thread ? thread.conversation : null

    signal closeRequested()

    function focusComposer() { threadComposer.focusInput() }

    color: Theme.base
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Thread")
    Accessible.ignored: !visible

    // The draft of the thread that is open, also when an edit puts a reply's text there.
    onThreadChanged: threadComposer.setTextQuietly(thread ? thread.draft : "")
    Connections {
        target: panel.thread
        function onDraftChanged() {
            if (threadComposer.text !== panel.thread.draft)
                threadComposer.setTextQuietly(panel.thread.draft)
        }
    }

    Keys.onEscapePressed: panel.closeRequested()

    Rectangle {
        width: 1
        height: parent.height
        color: Theme.separator
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 1
        spacing: 0

        // --- title ---
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            Layout.leftMargin: Theme.spacing * 2
            Layout.rightMargin: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: qsTr("Thread")
                textFormat: Text.PlainText
                color: Theme.text
                font.pixelSize: Theme.titleFont
                font.weight: Font.Bold
                Accessible.role: Accessible.Heading
                Accessible.name: text
                Accessible.ignored: !visible
            }
            ToolButton {
                objectName: "closeThreadButton"
                text: "×"
                font.pixelSize: Theme.titleFont
                Accessible.name: qsTr("Close the thread")
                Accessible.ignored: !visible
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Close the thread (Esc)")
                onClicked: panel.closeRequested()
            }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            color: Theme.separator
        }

        // --- the question ---
        ColumnLayout {
            objectName: "threadRoot"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing * 2
            spacing: 4
            Accessible.role: Accessible.StaticText
            Accessible.name: panel.thread ? qsTr("%1 asked: %2").arg(panel.thread.rootSenderName).arg(panel.thread.rootText) : ""
            Accessible.ignored: !visible

            // Who asked and when, as a message's header.
            Row {
                spacing: Theme.spacing
                Avatar {
                    width: 28
                    height: 28
                    name: panel.thread ? panel.thread.rootSenderName : ""
                }
                Text {
                    id: rootSender
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.min(implicitWidth, panel.width - 120)
                    text: panel.thread ? panel.thread.rootSenderName : ""
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.text
                    font.weight: Font.DemiBold
                }
                Text {
                    anchors.baseline: rootSender.baseline
                    text: panel.thread && panel.thread.rootCreatedAt && !isNaN(panel.thread.rootCreatedAt)
                          ? panel.thread.rootCreatedAt.toLocaleTimeString(Qt.locale(), Theme.timeFormat) : ""
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont
                }
            }
            MessageText {
                objectName: "threadRootText"
                Layout.fillWidth: true
                text: panel.thread ? panel.thread.rootText : ""
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    objectName: "threadState"
                    Layout.fillWidth: true
                    text: !panel.thread ? ""
                          : [qsTr("%n replies", "", panel.thread.replyCount),
                             panel.thread.resolved ? "✓ " + qsTr("Resolved") : qsTr("Open")].join(" · ")
                    textFormat: Text.PlainText
                    color: panel.thread && panel.thread.resolved ? Theme.success : Theme.mutedText
                    font.pixelSize: Theme.smallFont
                }
                Button {
                    objectName: "resolveButton"
                    visible: !!panel.thread && panel.thread.canResolve
                    text: panel.thread && panel.thread.resolved ? qsTr("Reopen") : qsTr("Mark resolved")
                    flat: true
                    Accessible.name: panel.thread && panel.thread.resolved ? qsTr("Reopen the thread") : qsTr("Mark the thread resolved")
                    Accessible.ignored: !visible
                    onClicked: panel.thread.setResolved(!panel.thread.resolved)
                }
            }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            color: Theme.separator
        }

        // --- replies ---
        ListView {
            id: replies
            objectName: "threadReplies"
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: panel.thread ? panel.thread.messages : null
            verticalLayoutDirection: ListView.BottomToTop
            clip: true
            reuseItems: false
            boundsBehavior: Flickable.StopAtBounds
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Replies")
            Accessible.ignored: !visible
            ScrollBar.vertical: ScrollBar { }

            delegate: MessageDelegate {
                conversation: panel.conversation
                actionsHost: panel.actionsHost
                inThread: true
                onRetryRequested: (clientId) => replies.model.retry(clientId)
                onDiscardRequested: (clientId) => replies.model.discard(clientId)
            }
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))) {
                    if (currentItem)
                        currentItem.openMenuFromKeyboard()
                    event.accepted = true
                }
            }
            header: Item { width: replies.width; height: Theme.spacing }

            Text {
                anchors.centerIn: parent
                width: parent.width - 40
                horizontalAlignment: Text.AlignHCenter
                visible: replies.count === 0
                text: qsTr("No replies yet.")
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.faintText
            }
        }

        Composer {
            id: threadComposer
            objectName: "threadComposer"
            Layout.fillWidth: true
            threadMode: true
            thread: panel.thread
            conversation: panel.conversation
            active: !!panel.thread && !!panel.conversation && panel.conversation.canWrite
            placeholder: qsTr("Reply in thread…")
            onSendRequested: (text) => {
                if (panel.thread && panel.thread.send(text))
                    replies.positionViewAtBeginning()
            }
            onEdited: (text) => { if (panel.thread) panel.thread.draft = text }
        }
    }
}
