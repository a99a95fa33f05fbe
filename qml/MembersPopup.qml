import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The room's members under the header's "N members": presence and role, online first; choosing
// one opens the direct conversation with them. Up/Down, Enter, Escape.
Popup {
    id: popup
    objectName: "membersPopup"

    /// The Conversation whose members are listed.
    property var conversation: null

    signal personChosen(string userId)

    padding: Theme.spacing
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onOpened: {
        // The first one who can be written to (oneself is listed, not choosable).
        const members = conversation ? conversation.members : []
        list.currentIndex = Math.max(0, members.findIndex(member => !member.isSelf))
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
            text: popup.conversation ? qsTr("Members of %1").arg(popup.conversation.name) : ""
            width: parent.width
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.text
            font.weight: Font.Bold
            Accessible.role: Accessible.Heading
            Accessible.name: text
            Accessible.ignored: !visible
        }
        ListView {
            id: list
            objectName: "membersList"
            width: popup.width - popup.leftPadding - popup.rightPadding
            height: Math.min(contentHeight, 360)
            clip: true
            model: popup.conversation ? popup.conversation.members : []
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Members")
            Accessible.ignored: !visible
            delegate: ItemDelegate {
                id: entry
                required property var modelData
                required property int index
                objectName: "member:" + modelData.userId
                width: ListView.view.width
                highlighted: ListView.isCurrentItem && list.activeFocus
                focusPolicy: Qt.NoFocus
                // Oneself: listed, but there is no conversation with oneself.
                enabled: !modelData.isSelf
                Accessible.role: Accessible.ListItem
                Accessible.name: [modelData.name + (modelData.isSelf ? " " + qsTr("(you)") : ""),
                                  modelData.online ? qsTr("online") : qsTr("offline"), modelData.role]
                                 .filter(s => s).join(", ")
                Accessible.ignored: !visible
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Avatar {
                        name: entry.modelData.name
                        showPresence: true
                        online: entry.modelData.online
                        Layout.preferredWidth: 28
                        Layout.preferredHeight: 28
                    }
                    Text {
                        Layout.fillWidth: true
                        text: entry.modelData.name + (entry.modelData.isSelf ? " " + qsTr("(you)") : "")
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.text
                    }
                    Text {
                        text: entry.modelData.role
                        textFormat: Text.PlainText
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFont
                    }
                }
                background: Rectangle {
                    radius: Theme.radius / 2
                    color: entry.highlighted ? Theme.selected : (entry.hovered ? Theme.hover : "transparent")
                }
                onClicked: {
                    popup.close()
                    popup.personChosen(modelData.userId)
                }
            }
            Keys.onReturnPressed: if (currentItem && currentItem.enabled) currentItem.clicked()
            Keys.onEnterPressed: if (currentItem && currentItem.enabled) currentItem.clicked()
        }
        Text {
            visible: list.count === 0
            text: qsTr("Loading the members…")
            textFormat: Text.PlainText
            color: Theme.faintText
        }
    }
}
