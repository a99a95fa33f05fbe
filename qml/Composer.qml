import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The message input: Enter sends, Shift+Enter starts a new line. Disabled with a hint when no
// conversation is open. The text is plain; typing notices are reported through `edited()` for a
// TypingNotifier to throttle.
Rectangle {
    id: composer

    property bool active: true
    property string placeholder: qsTr("Write a message…")
    property string inactiveHint: qsTr("Open a room or a conversation to start writing")
    property alias text: input.text
    property int maximumLength: 4000
    readonly property bool canSend: active && input.text.trim().length > 0 && input.text.length <= maximumLength

    signal sendRequested(string text)
    /// The user changed the text (not a programmatic change, e.g. a restored draft).
    signal edited(string text)

    function focusInput() { input.forceActiveFocus() }
    function send() {
        if (!canSend)
            return
        const message = input.text
        sendRequested(message)
        input.clear()
    }
    /// Puts text without emitting edited() (drafts).
    function setTextQuietly(value) {
        programmatic = true
        input.text = value
        input.cursorPosition = input.length
        programmatic = false
    }
    property bool programmatic: false

    implicitHeight: layout.implicitHeight + Theme.spacing * 2
    color: Theme.window

    Rectangle {
        anchors.top: parent.top
        width: parent.width
        height: 1
        color: Theme.separator
    }

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        anchors.leftMargin: Theme.spacing * 2
        anchors.rightMargin: Theme.spacing * 2
        spacing: Theme.spacing

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(Math.max(input.implicitHeight, 38), 160)
            enabled: composer.active

            TextArea {
                id: input
                objectName: "composerInput"
                textFormat: TextEdit.PlainText
                wrapMode: TextEdit.Wrap
                placeholderText: composer.active ? composer.placeholder : composer.inactiveHint
                Accessible.name: qsTr("Message")
                Accessible.description: composer.active ? qsTr("Enter sends, Shift+Enter starts a new line") : composer.inactiveHint
                Accessible.role: Accessible.EditableText
                KeyNavigation.priority: KeyNavigation.BeforeItem
                background: Rectangle {
                    radius: Theme.radius
                    color: composer.active ? Theme.base : Theme.window
                    border.color: input.activeFocus ? Theme.focusRing : Theme.separator
                    border.width: input.activeFocus ? 2 : 1
                }

                onTextChanged: if (!composer.programmatic) composer.edited(text)

                Keys.onPressed: (event) => {
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

        Button {
            id: sendButton
            objectName: "sendButton"
            text: qsTr("Send")
            enabled: composer.canSend
            highlighted: true
            Layout.alignment: Qt.AlignBottom
            Accessible.name: qsTr("Send message")
            onClicked: composer.send()
        }
    }

    Text {
        visible: input.length > composer.maximumLength - 200
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.rightMargin: Theme.spacing * 2 + sendButton.width + Theme.spacing + 6
        anchors.bottomMargin: 2
        text: qsTr("%1 characters left").arg(composer.maximumLength - input.length)
        textFormat: Text.PlainText
        color: input.length > composer.maximumLength ? Theme.danger : Theme.faintText
        font.pixelSize: Theme.smallFont * 0.9
    }
}
