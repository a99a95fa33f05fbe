import QtQuick
import QtQuick.Controls

// The people "@" + letters may mention, above the composer. The composer keeps the keyboard:
// it moves the selection (Up/Down), picks (Enter/Tab) and closes (Escape) through the functions
// below; a click picks too.
Popup {
    id: popup
    objectName: "mentionPopup"

    /// [{userId, name}] from Conversation.mentionCandidates().
    property var candidates: []
    property alias currentIndex: list.currentIndex

    signal picked(string userId)

    function move(step) {
        if (candidates.length > 0)
            list.currentIndex = (list.currentIndex + step + candidates.length) % candidates.length
    }
    function pickCurrent() {
        if (list.currentIndex >= 0 && list.currentIndex < candidates.length)
            picked(candidates[list.currentIndex].userId)
    }

    onCandidatesChanged: list.currentIndex = 0
    padding: 4
    // The composer keeps the focus and handles Escape.
    focus: false
    closePolicy: Popup.CloseOnPressOutsideParent
    implicitHeight: Math.min(list.contentHeight, 8 * 30) + topPadding + bottomPadding

    background: Rectangle {
        color: Theme.base
        border.color: Theme.separator
        radius: Theme.radius
    }

    contentItem: ListView {
        id: list
        objectName: "mentionList"
        clip: true
        model: popup.candidates
        implicitHeight: contentHeight
        Accessible.role: Accessible.List
        Accessible.name: qsTr("People to mention")
        Accessible.ignored: !visible
        delegate: ItemDelegate {
            id: entry
            required property var modelData
            required property int index
            objectName: "mention:" + modelData.userId
            width: ListView.view.width
            height: 30
            text: modelData.name
            highlighted: ListView.isCurrentItem
            focusPolicy: Qt.NoFocus
            Accessible.role: Accessible.ListItem
            Accessible.name: modelData.name
            Accessible.selected: highlighted
            Accessible.ignored: !visible
            contentItem: Row {
                spacing: Theme.spacing
                Avatar {
                    anchors.verticalCenter: parent.verticalCenter
                    width: 20
                    height: 20
                    name: entry.modelData.name
                }
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: entry.modelData.name
                    textFormat: Text.PlainText
                    color: Theme.text
                }
            }
            background: Rectangle {
                radius: Theme.radius / 2
                color: entry.highlighted ? Theme.selected : (entry.hovered ? Theme.hover : "transparent")
            }
            onClicked: popup.picked(modelData.userId)
        }
    }
}
