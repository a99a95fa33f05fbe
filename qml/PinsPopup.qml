import QtQuick
import QtQuick.Controls

// The room's pinned messages under the header's "📌 N" button, newest pin first. Choosing one
// asks to show it in the timeline.
Popup {
    id: popup
    objectName: "pinsPopup"

    /// The Conversation whose pins are listed.
    property var conversation: null

    signal messageChosen(string messageId)

    padding: Theme.spacing
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onOpened: {
        if (conversation)
            conversation.loadPins()
        list.forceActiveFocus()
    }

    background: Rectangle {
        color: Theme.base
        border.color: Theme.separator
        radius: Theme.radius
    }

    contentItem: Column {
        spacing: Theme.spacing / 2
        Text {
            text: qsTr("Pinned messages")
            textFormat: Text.PlainText
            color: Theme.text
            font.weight: Font.Bold
            Accessible.role: Accessible.Heading
            Accessible.name: text
            Accessible.ignored: !visible
        }
        ListView {
            id: list
            objectName: "pinsList"
            width: popup.width - popup.leftPadding - popup.rightPadding
            height: Math.min(contentHeight, 360)
            clip: true
            model: popup.conversation ? popup.conversation.pinnedMessages : null
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Pinned messages")
            Accessible.ignored: !visible
            delegate: ItemDelegate {
                id: entry
                required property var model
                required property int index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem && list.activeFocus
                focusPolicy: Qt.NoFocus
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1: %2").arg(model.senderName).arg(model.text)
                Accessible.ignored: !visible
                contentItem: Column {
                    spacing: 2
                    Text {
                        width: parent.width
                        text: entry.model.senderName + (entry.model.createdAt ? "  ·  " + entry.model.createdAt.toLocaleString(Qt.locale(), Locale.ShortFormat) : "")
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFont
                        font.weight: Font.DemiBold
                    }
                    Text {
                        width: parent.width
                        text: entry.model.text
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        maximumLineCount: 2
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                }
                background: Rectangle {
                    radius: Theme.radius / 2
                    color: entry.highlighted ? Theme.selected : (entry.hovered ? Theme.hover : "transparent")
                }
                onClicked: {
                    popup.close()
                    popup.messageChosen(model.id)
                }
            }
            Keys.onReturnPressed: if (currentItem) currentItem.clicked()
            Keys.onEnterPressed: if (currentItem) currentItem.clicked()
        }
        Text {
            visible: list.count === 0
            text: qsTr("Nothing is pinned here.")
            textFormat: Text.PlainText
            color: Theme.faintText
        }
    }
}
