import QtQuick
import QtQuick.Controls

// A small fixed grid of common emoji for reactions; nothing is downloaded. Arrow keys move
// between them, Enter or Space picks, Escape closes.
Popup {
    id: picker
    objectName: "emojiPicker"

    /// What the picked emoji is for (a message id); handed back with `picked`.
    property string messageId
    signal picked(string messageId, string emoji)

    readonly property var emoji: ["👍", "👎", "❤️", "😂", "🎉", "😮", "😢", "🙏",
                                  "✅", "❌", "👀", "🔥", "💯", "🤔", "👏", "🙌",
                                  "➕", "📌", "⭐", "💡", "❓", "📚", "✏️", "🧠"]
    readonly property int columns: 8

    /// Opens next to `item` for the message `id`.
    function openFor(id, item) {
        messageId = id
        const point = item.mapToItem(parent, 0, item.height)
        x = Math.max(0, Math.min(point.x, parent.width - width))
        y = point.y + height > parent.height ? Math.max(0, point.y - item.height - height) : point.y
        open()
    }

    modal: false
    focus: true
    padding: Theme.spacing / 2
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onOpened: repeater.itemAt(0).forceActiveFocus()

    background: Rectangle {
        color: Theme.base
        border.color: Theme.separator
        radius: Theme.radius
    }

    contentItem: Grid {
        id: grid
        columns: picker.columns
        spacing: 2
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Pick a reaction")
        Accessible.ignored: !visible

        Repeater {
            id: repeater
            model: picker.emoji
            delegate: ToolButton {
                id: button
                required property string modelData
                required property int index
                objectName: "emoji:" + modelData
                text: modelData
                font.pixelSize: Qt.application.font.pixelSize * 1.3
                implicitWidth: 36
                implicitHeight: 36
                focusPolicy: Qt.StrongFocus
                Accessible.name: qsTr("React with %1").arg(modelData)
                Accessible.ignored: !visible
                background: Rectangle {
                    radius: Theme.radius
                    color: button.down || button.hovered ? Theme.hover : "transparent"
                    border.color: button.visualFocus ? Theme.focusRing : "transparent"
                    border.width: 2
                }
                function move(step) {
                    const next = repeater.itemAt((index + step + picker.emoji.length) % picker.emoji.length)
                    if (next)
                        next.forceActiveFocus()
                }
                Keys.onLeftPressed: move(-1)
                Keys.onRightPressed: move(1)
                Keys.onUpPressed: move(-picker.columns)
                Keys.onDownPressed: move(picker.columns)
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: {
                    picker.close()
                    picker.picked(picker.messageId, modelData)
                }
            }
        }
    }
}
