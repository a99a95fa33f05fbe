import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import StudyConnect.Desktop

// The message input: Enter sends, Shift+Enter starts a new line. Disabled with a hint when no
// conversation is open. The text is plain; typing notices are reported through `edited()` for a
// TypingNotifier to throttle. With a conversation: a bar while replying or editing (Escape or ×
// cancels), Up in an empty composer edits the user's last message, and "@" + letters offers
// people to mention. Preview (button or Ctrl+Shift+P) shows the message formatted above the
// field; the draft itself stays source text. Where the server takes files, 📎 (Ctrl+Shift+A),
// a picture pasted with Ctrl+V, or files dropped on the chat attach files to the draft: chips
// above the field, and why a file was refused.
Rectangle {
    id: composer

    property bool active: true
    /// The Conversation (or a stand-in in tests): reply and edit modes, mention completion.
    property var conversation: null
    /// A thread's composer: its Thread holds the reply and edit modes (the conversation still
    /// completes mentions).
    property bool threadMode: false
    property var thread: null
    /// Whose reply and edit modes this composer shows: the thread's or the conversation's.
    readonly property var modes: threadMode ? thread : conversation
    readonly property bool replying: !!modes && !!modes.replyToId
    readonly property bool editing: !!modes && !!modes.editingId
    property string placeholder: qsTr("Write a message…")
    property string inactiveHint: qsTr("Open a room or a conversation to start writing")
    property alias text: input.text
    property int maximumLength: 4000
    /// Files can be attached here: the conversation's server takes them (not in a thread).
    readonly property bool canAttach: active && !threadMode && !!conversation && conversation.canAttach === true
    /// The draft's files: [{name, size, sizeText, localPath, isImage}]
    readonly property var draftAttachments: canAttach ? (conversation.draftAttachments ?? []) : []
    /// Why the last files could not be attached; "" when they could.
    property string attachError: ""
    readonly property bool canSend: active && (input.text.trim().length > 0 || draftAttachments.length > 0)
                                    && input.text.length <= maximumLength

    signal sendRequested(string text)
    /// The user changed the text (not a programmatic change, e.g. a restored draft).
    signal edited(string text)

    function focusInput() { input.forceActiveFocus() }
    /// Attaches file: URLs to the draft; the refusals are shown above the field.
    function addFiles(urls) {
        if (!canAttach)
            return
        const errors = []
        for (let i = 0; i < urls.length; ++i) {
            const error = conversation.addAttachment(urls[i])
            if (error)
                errors.push(error)
        }
        attachError = errors.join("\n")
        if (attachError)
            attachErrorTimer.restart()
    }
    function chooseFiles() {
        if (canAttach)
            openDialogComponent.createObject(composer).open()
    }
    /// Ctrl+V with a picture (and no text) on the clipboard attaches the picture.
    function pasteImage() {
        const url = FileActions.saveClipboardImage()
        if (url.toString() !== "")
            addFiles([url])
        else if (FileActions.error)
            attachError = FileActions.error
    }
    // A refusal belongs to the conversation it happened in.
    onConversationChanged: attachError = ""
    Timer {
        id: attachErrorTimer
        interval: 8000
        onTriggered: composer.attachError = ""
    }
    Component {
        id: openDialogComponent
        FileDialog {
            objectName: "attachFileDialog"
            title: qsTr("Attach files")
            fileMode: FileDialog.OpenFiles
            onAccepted: {
                composer.addFiles(selectedFiles)
                destroy()
                composer.focusInput()
            }
            onRejected: destroy()
        }
    }
    function send() {
        if (!canSend)
            return
        const message = input.text
        mentions.close()
        attachError = ""
        // Cleared first and quietly: sending may put back the draft from before an edit.
        setTextQuietly("")
        sendRequested(message)
    }
    /// Where the "@" of the mention being typed starts; -1 when none.
    property int mentionStart: -1
    function updateMentions() {
        const query = conversation && input.activeFocus ? TextTools.mentionQueryAt(input.text, input.cursorPosition) : ({})
        if (query.start === undefined) {
            mentionStart = -1
            mentions.close()
            return
        }
        mentionStart = query.start
        mentions.candidates = conversation.mentionCandidates(query.prefix)
        if (mentions.candidates.length > 0)
            mentions.open()
        else
            mentions.close()
    }
    function pickMention(userId) {
        const shown = conversation.mentionText(userId)
        const start = mentionStart
        mentions.close()
        if (!shown || start < 0)
            return
        input.remove(start, input.cursorPosition)
        input.insert(start, shown + " ")
    }
    /// Puts text without emitting edited() (drafts).
    function setTextQuietly(value) {
        programmatic = true
        input.text = value
        input.cursorPosition = input.length
        programmatic = false
    }
    property bool programmatic: false
    /// The formatted message shown above the field (RichMessageBody over the draft).
    property bool previewing: false

    implicitHeight: modeBar.height + previewPane.height + lengthNotice.height + attachmentsBar.height
                    + layout.implicitHeight + Theme.spacing * 2
    color: Theme.window

    MentionPopup {
        id: mentions
        x: layout.x
        y: -height - 2
        width: Math.min(320, composer.width - Theme.spacing * 4)
        onPicked: (userId) => composer.pickMention(userId)
    }

    // --- replying to / editing ---
    Rectangle {
        id: modeBar
        objectName: "composerModeBar"
        visible: composer.replying || composer.editing
        width: parent.width
        height: visible ? modeRow.implicitHeight + Theme.spacing : 0
        color: Theme.sidebar
        Accessible.role: Accessible.StaticText
        Accessible.name: modeText.text
        Accessible.ignored: !visible

        RowLayout {
            id: modeRow
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing * 2
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing
            Rectangle {
                Layout.preferredWidth: 3
                Layout.fillHeight: true
                Layout.topMargin: 4
                Layout.bottomMargin: 4
                color: Theme.accent
            }
            Text {
                id: modeText
                objectName: "composerModeText"
                Layout.fillWidth: true
                text: composer.editing ? qsTr("Editing message")
                      : composer.replying ? qsTr("Replying to %1: %2").arg(composer.modes.replyToSenderName).arg(composer.modes.replyToText)
                      : ""
                textFormat: Text.PlainText
                elide: Text.ElideRight
                maximumLineCount: 1
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
            }
            Text {
                text: qsTr("Esc to cancel")
                textFormat: Text.PlainText
                color: Theme.faintText
                font.pixelSize: Theme.smallFont * 0.9
            }
            ToolButton {
                objectName: "cancelModeButton"
                text: "×"
                focusPolicy: Qt.StrongFocus
                Accessible.name: composer.editing ? qsTr("Cancel editing") : qsTr("Cancel reply")
                Accessible.ignored: !visible
                ToolTip.visible: hovered
                ToolTip.text: Accessible.name
                onClicked: {
                    composer.modes.cancelComposerMode()
                    composer.focusInput()
                }
            }
        }
    }

    // --- preview: the draft as it will be shown ---
    Rectangle {
        id: previewPane
        objectName: "composerPreview"
        anchors.top: modeBar.bottom
        visible: composer.previewing
        width: parent.width
        height: visible ? Math.min(previewFlick.contentHeight, 220) + Theme.spacing * 2 : 0
        color: Theme.base
        Accessible.role: Accessible.Grouping
        Accessible.name: qsTr("Preview")
        Accessible.ignored: !visible

        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.separator
        }
        Flickable {
            id: previewFlick
            x: Theme.spacing * 2
            y: Theme.spacing
            width: parent.width - Theme.spacing * 4
            height: parent.height - Theme.spacing * 2
            contentHeight: previewColumn.height
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { }
            Column {
                id: previewColumn
                width: previewFlick.width
                spacing: 2
                Text {
                    text: qsTr("Preview")
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont
                    font.weight: Font.DemiBold
                    Accessible.ignored: true
                }
                Text {
                    objectName: "previewEmpty"
                    visible: input.text.trim() === ""
                    text: qsTr("Nothing to preview yet: Markdown (**bold**, `code`, ```code blocks```) and $math$ are shown here as they will look.")
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    width: parent.width
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFont
                }
                // Created only while the preview is on: typing costs nothing otherwise.
                Loader {
                    active: composer.previewing && input.text.trim() !== ""
                    visible: active
                    width: parent.width
                    sourceComponent: RichMessageBody {
                        objectName: "previewBody"
                        text: input.text
                    }
                }
            }
        }
    }

    // Near the limit a line says how much is left; over it, by how much it is too long (and Send
    // is off). Its own line: nothing is drawn over the field.
    Text {
        id: lengthNotice
        objectName: "lengthNotice"
        readonly property int charactersLeft: composer.maximumLength - input.length
        visible: charactersLeft < 200
        anchors.top: previewPane.bottom
        anchors.topMargin: visible ? Theme.spacing / 2 : 0
        x: Theme.spacing * 2
        width: parent.width - Theme.spacing * 4
        height: visible ? implicitHeight : 0
        text: charactersLeft >= 0 ? qsTr("%n character(s) left", "", charactersLeft)
                        : qsTr("%n character(s) too long: a message has at most %1 characters.", "", -charactersLeft).arg(composer.maximumLength)
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: charactersLeft < 0 ? Theme.danger : Theme.mutedText
        font.pixelSize: Theme.smallFont
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        Accessible.ignored: !visible
    }

    // --- the draft's files, and why some could not be attached ---
    Column {
        id: attachmentsBar
        anchors.top: lengthNotice.bottom
        x: Theme.spacing * 2
        width: parent.width - Theme.spacing * 4
        topPadding: visible ? Theme.spacing / 2 : 0
        height: visible ? implicitHeight : 0
        visible: composer.canAttach && (composer.draftAttachments.length > 0 || composer.attachError !== "")
        spacing: 4
        Text {
            objectName: "attachErrorText"
            width: parent.width
            visible: composer.attachError !== ""
            text: composer.attachError
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.smallFont
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
            Accessible.ignored: !visible
        }
        AttachmentChips {
            width: parent.width
            visible: composer.draftAttachments.length > 0
            attachments: composer.draftAttachments
            onRemoveRequested: (index) => composer.conversation.removeAttachment(index)
        }
    }

    Rectangle {
        anchors.top: parent.top
        width: parent.width
        height: 1
        color: Theme.separator
    }

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.topMargin: modeBar.height + previewPane.height + lengthNotice.height + lengthNotice.anchors.topMargin
                           + attachmentsBar.height + Theme.spacing
        anchors.margins: Theme.spacing
        anchors.leftMargin: Theme.spacing * 2
        anchors.rightMargin: Theme.spacing * 2
        spacing: Theme.spacing

        Shortcut {
            sequence: "Ctrl+Shift+A"
            enabled: composer.canAttach
            onActivated: composer.chooseFiles()
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(Math.max(input.implicitHeight, 38), 160)
            enabled: composer.active
            // Hidden with the thread panel: not read out.
            Accessible.ignored: !visible

            TextArea {
                id: input
                objectName: "composerInput"
                textFormat: TextEdit.PlainText
                wrapMode: TextEdit.Wrap
                rightPadding: (previewButton.visible ? previewButton.width + 8 : leftPadding)
                              + (attachButton.visible ? attachButton.width : 0)
                placeholderText: composer.active ? composer.placeholder : composer.inactiveHint
                Accessible.name: qsTr("Message")
                Accessible.description: composer.active ? qsTr("Enter sends, Shift+Enter starts a new line, Ctrl+Tab inserts a tab") : composer.inactiveHint
                Accessible.role: Accessible.EditableText
                Accessible.ignored: !visible
                KeyNavigation.priority: KeyNavigation.BeforeItem
                background: Rectangle {
                    radius: Theme.radius
                    color: composer.active ? Theme.base : Theme.window
                    border.color: input.activeFocus ? Theme.focusRing : Theme.separator
                    border.width: input.activeFocus ? 2 : 1
                }

                onTextChanged: {
                    if (composer.programmatic)
                        return
                    composer.edited(text)
                    composer.updateMentions()
                }
                onCursorPositionChanged: if (mentions.visible) composer.updateMentions()
                onActiveFocusChanged: if (!activeFocus) mentions.close()

                Keys.onPressed: (event) => {
                    if (event.matches(StandardKey.Paste) && composer.canAttach && FileActions.clipboardHasImage()) {
                        composer.pasteImage()
                        event.accepted = true
                        return
                    }
                    if (mentions.visible) {
                        if (event.key === Qt.Key_Up || event.key === Qt.Key_Down) {
                            mentions.move(event.key === Qt.Key_Up ? -1 : 1)
                            event.accepted = true
                            return
                        }
                        if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Tab) {
                            mentions.pickCurrent()
                            event.accepted = true
                            return
                        }
                        if (event.key === Qt.Key_Escape) {
                            mentions.close()
                            event.accepted = true
                            return
                        }
                    }
                    // Tab moves on, as in any form: the keyboard must be able to leave the
                    // composer. Ctrl+Tab puts a tab character in (code).
                    if (event.key === Qt.Key_Tab || event.key === Qt.Key_Backtab) {
                        if (event.key === Qt.Key_Tab && (event.modifiers & Qt.ControlModifier)) {
                            input.insert(input.cursorPosition, "\t")
                        } else {
                            const forward = event.key === Qt.Key_Tab && !(event.modifiers & Qt.ShiftModifier)
                            const next = input.nextItemInFocusChain(forward)
                            if (next)
                                next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
                        }
                        event.accepted = true
                        return
                    }
                    if (event.key === Qt.Key_Escape && (composer.replying || composer.editing)) {
                        composer.modes.cancelComposerMode()
                        event.accepted = true
                        return
                    }
                    if (event.key === Qt.Key_Up && input.length === 0 && !!composer.modes
                            && !!composer.conversation && composer.conversation.canEdit) {
                        event.accepted = composer.modes.editLastMessage()
                        return
                    }
                    if (event.key !== Qt.Key_Return && event.key !== Qt.Key_Enter)
                        return
                    if (event.modifiers & Qt.ShiftModifier) {
                        input.insert(input.cursorPosition, "\n")
                    } else if (!(event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier))) {
                        composer.send()
                    }
                    event.accepted = true
                }
            }
        }

        // Only the composer being typed in answers (the thread panel has one too).
        Shortcut {
            sequence: "Ctrl+Shift+P"
            enabled: composer.active && (input.activeFocus || previewButton.activeFocus)
            onActivated: composer.previewing = !composer.previewing
        }

        Button {
            id: sendButton
            objectName: "sendButton"
            text: qsTr("Send")
            enabled: composer.canSend
            highlighted: true
            Layout.alignment: Qt.AlignBottom
            Accessible.name: qsTr("Send message")
            Accessible.ignored: !visible
            onClicked: composer.send()
        }
    }

    // 📎: inside the field too, left of Preview, so that a narrow window keeps the field wide.
    ToolButton {
        id: attachButton
        objectName: "attachButton"
        x: previewButton.x - width
        y: previewButton.y + (previewButton.height - height) / 2
        z: 2
        visible: composer.canAttach
        text: "📎"
        font.pixelSize: Theme.titleFont
        focusPolicy: Qt.StrongFocus
        Accessible.name: qsTr("Attach files (Ctrl+Shift+A)")
        Accessible.ignored: !visible
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: qsTr("Attach files or pictures (Ctrl+Shift+A); you can also drop them here or paste a picture")
        onClicked: composer.chooseFiles()
    }

    // Preview: inside the field's right edge, so that the field keeps its width in a small
    // window; a word when there is room, an eye when not.
    ToolButton {
        id: previewButton
        objectName: "previewButton"
        x: layout.x + scroll.x + scroll.width - width - 3
        y: layout.y + scroll.y + scroll.height - height - 3
        z: 2
        visible: composer.active
        readonly property bool wide: composer.width >= 560
        text: wide ? qsTr("Preview") : "👁"
        font.pixelSize: wide ? Theme.smallFont : Theme.titleFont
        checkable: true
        checked: composer.previewing
        focusPolicy: Qt.StrongFocus
        Accessible.name: composer.previewing ? qsTr("Hide preview") : qsTr("Show preview")
        Accessible.description: qsTr("Shows the message formatted above the field. Shortcut: Control+Shift+P")
        Accessible.ignored: !visible
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: qsTr("Preview the formatted message (Ctrl+Shift+P)")
        onToggled: composer.previewing = checked
    }
}
