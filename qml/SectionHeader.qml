import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "ROOMS", "DIRECT MESSAGES", "PEOPLE" with an optional action button.
Item {
    id: header

    property string title
    property string actionText: ""
    property string actionName: ""
    /// What the action does, in words, for screen readers ("Join a room by its id").
    property string actionDescription: actionText
    signal actionTriggered()

    width: parent ? parent.width : implicitWidth
    implicitHeight: 34
    Accessible.role: Accessible.Heading
    Accessible.name: title
    Accessible.ignored: !visible

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing * 2
        anchors.rightMargin: Theme.spacing
        Text {
            Layout.fillWidth: true
            text: header.title.toUpperCase()
            textFormat: Text.PlainText
            color: Theme.faintText
            font.pixelSize: Theme.smallFont * 0.92
            font.weight: Font.Bold
            font.letterSpacing: 0.6
        }
        ToolButton {
            visible: header.actionText !== ""
            objectName: header.actionName
            text: header.actionText
            font.pixelSize: Theme.smallFont
            Accessible.name: header.actionDescription
            Accessible.ignored: !visible
            onClicked: header.actionTriggered()
        }
    }
}
