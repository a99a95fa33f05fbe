import QtQuick
import QtQuick.Controls

// The small toolbar at the top right of a hovered or focused message: React, Reply, Reply in
// thread and "⋯" for the whole menu. Shown only when the conversation offers one of them.
Rectangle {
    id: actions
    objectName: "messageActions"

    property bool canReact: false
    property bool canReply: false
    property bool canReplyInThread: false

    signal reactRequested(Item button)
    signal replyRequested()
    signal threadRequested()
    signal menuRequested(Item button)

    implicitWidth: buttons.implicitWidth + 4
    implicitHeight: buttons.implicitHeight + 4
    radius: Theme.radius
    color: Theme.base
    border.color: Theme.separator

    component ActionButton: ToolButton {
        id: button
        property string tip
        implicitWidth: 30
        implicitHeight: 28
        focusPolicy: Qt.StrongFocus
        font.pixelSize: Theme.smallFont * 1.1
        Accessible.name: tip
        Accessible.ignored: !visible
        ToolTip.visible: hovered || visualFocus
        ToolTip.delay: 400
        ToolTip.text: tip
        background: Rectangle {
            radius: Theme.radius
            color: button.down || button.hovered ? Theme.hover : "transparent"
            border.color: button.visualFocus ? Theme.focusRing : "transparent"
            border.width: 2
        }
    }

    Row {
        id: buttons
        anchors.centerIn: parent
        spacing: 0
        ActionButton {
            id: reactButton
            objectName: "actionReact"
            visible: actions.canReact
            text: "☺"
            tip: qsTr("React")
            onClicked: actions.reactRequested(reactButton)
        }
        ActionButton {
            objectName: "actionReply"
            visible: actions.canReply
            text: "↩"
            tip: qsTr("Reply")
            onClicked: actions.replyRequested()
        }
        ActionButton {
            objectName: "actionThread"
            visible: actions.canReplyInThread
            text: "💬"
            tip: qsTr("Reply in thread")
            onClicked: actions.threadRequested()
        }
        ActionButton {
            id: moreButton
            objectName: "actionMore"
            text: "⋯"
            tip: qsTr("More actions")
            onClicked: actions.menuRequested(moreButton)
        }
    }
}
