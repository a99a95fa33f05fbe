import QtQuick
import QtQuick.Controls

// The reactions under a message: one small button per emoji with its count, marked when the
// user gave it; clicking toggles the user's own. The tooltip and the accessible name say who
// reacted ("👍 2: Ada, you"). A "+" opens the emoji picker when the user may react.
Flow {
    id: reactionsRow
    objectName: "reactionsRow"

    /// [{emoji, count, mine, names}], as MessageListModel's reactions role.
    property var reactions: []
    property bool canReact: false

    signal toggled(string emoji)
    /// "+" was pressed: pick an emoji to add (`button` is where the picker opens).
    signal addRequested(Item button)

    spacing: 4
    visible: reactions.length > 0

    Repeater {
        model: reactionsRow.reactions
        delegate: AbstractButton {
            id: chip
            required property var modelData
            readonly property string label: qsTr("%1 %2: %3").arg(modelData.emoji).arg(modelData.count).arg(modelData.names)
            objectName: "reaction:" + modelData.emoji
            checkable: false
            checked: modelData.mine
            focusPolicy: Qt.StrongFocus
            padding: 3
            leftPadding: 7
            rightPadding: 7
            hoverEnabled: true
            Accessible.role: Accessible.Button
            Accessible.name: label
            Accessible.checkable: true
            Accessible.checked: modelData.mine
            Accessible.ignored: !visible
            ToolTip.visible: hovered || visualFocus
            ToolTip.delay: 400
            ToolTip.text: modelData.names
            contentItem: Text {
                text: chip.modelData.emoji + " " + chip.modelData.count
                textFormat: Text.PlainText
                color: chip.modelData.mine ? Theme.text : Theme.mutedText
                font.pixelSize: Theme.smallFont
                font.weight: chip.modelData.mine ? Font.DemiBold : Font.Normal
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: height / 2
                color: chip.modelData.mine ? Theme.selected : (chip.hovered ? Theme.hover : "transparent")
                border.color: chip.visualFocus ? Theme.focusRing : (chip.modelData.mine ? Theme.accent : Theme.separator)
                border.width: chip.visualFocus ? 2 : 1
            }
            onClicked: if (reactionsRow.canReact) reactionsRow.toggled(modelData.emoji)
        }
    }

    AbstractButton {
        id: addButton
        objectName: "addReactionButton"
        visible: reactionsRow.canReact
        focusPolicy: Qt.StrongFocus
        padding: 3
        leftPadding: 8
        rightPadding: 8
        hoverEnabled: true
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Add a reaction")
        Accessible.ignored: !visible
        ToolTip.visible: hovered
        ToolTip.delay: 400
        ToolTip.text: qsTr("Add a reaction")
        contentItem: Text {
            text: "+"
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: height / 2
            color: addButton.hovered ? Theme.hover : "transparent"
            border.color: addButton.visualFocus ? Theme.focusRing : Theme.separator
            border.width: addButton.visualFocus ? 2 : 1
        }
        onClicked: reactionsRow.addRequested(addButton)
    }
}
