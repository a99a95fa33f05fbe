import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One entry of the sidebar: a room ("#"), a direct conversation or a person (avatar with a
// presence dot), with an unread badge and an "@" badge for unread mentions. Untrusted names are
// plain text. A conversation's entry has a context menu (right click, Menu key, Shift+F10) to
// mute it: its badge turns grey and only mentions notify.
ItemDelegate {
    id: item

    property string label
    property string secondary
    property int unread: 0
    /// Unread messages that mention the user.
    property int mentions: 0
    property bool current: false
    property bool dimmed: false
    property bool showAvatar: false
    property bool showPresence: false
    property bool online: false
    property string avatarSource
    property string glyph: ""
    /// The Conversation of a room or direct entry (null for a person): its muted flag.
    property var conversation: null
    readonly property bool muted: !!conversation && conversation.muted

    width: ListView.view ? ListView.view.width : parent ? parent.width : implicitWidth
    height: showAvatar ? 44 : 34
    leftPadding: Theme.spacing * 1.5
    rightPadding: Theme.spacing * 1.5
    highlighted: current
    focusPolicy: Qt.StrongFocus

    Accessible.role: Accessible.ListItem
    Accessible.name: label + (unread > 0 ? ", " + qsTr("%n unread", "", unread) : "")
                     + (mentions > 0 ? ", " + qsTr("%n mention(s)", "", mentions) : "")
                     + (muted ? ", " + qsTr("muted") : "")
                     + (showPresence ? ", " + (online ? qsTr("online") : qsTr("offline")) : "")
    Accessible.selected: current
    // Screen readers activate the entry as Enter does.
    Accessible.onPressAction: item.clicked()
    Accessible.ignored: !visible

    function openMenu(x, y) {
        if (item.conversation)
            muteMenu.popup(item, x, y)
    }
    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: (eventPoint) => item.openMenu(eventPoint.position.x, eventPoint.position.y)
    }
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))) {
            item.openMenu(item.width / 2, item.height / 2)
            event.accepted = true
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            // Space clicks a button; in a list Enter opens the entry, as everywhere else.
            item.clicked()
            event.accepted = true
        }
    }
    Menu {
        id: muteMenu
        MenuItem {
            objectName: "muteMenuItem"
            text: item.muted ? qsTr("Unmute notifications") : qsTr("Mute notifications")
            onTriggered: item.conversation.muted = !item.muted
        }
    }

    background: Rectangle {
        x: 6
        width: parent.width - 12
        radius: Theme.radius
        color: item.current ? Theme.selected : (item.hovered ? Theme.hover : "transparent")
        border.color: item.visualFocus ? Theme.focusRing : "transparent"
        border.width: 2
    }

    contentItem: RowLayout {
        spacing: Theme.spacing

        Text {
            visible: item.glyph !== ""
            text: item.glyph
            textFormat: Text.PlainText
            color: Theme.faintText
            font.weight: Font.DemiBold
            Layout.preferredWidth: 14
            horizontalAlignment: Text.AlignHCenter
        }
        Avatar {
            visible: item.showAvatar
            name: item.label
            source: item.avatarSource
            showPresence: item.showPresence
            online: item.online
            Layout.preferredWidth: 28
            Layout.preferredHeight: 28
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Text {
                Layout.fillWidth: true
                text: item.label
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: item.dimmed ? Theme.mutedText : Theme.text
                font.weight: item.unread > 0 ? Font.Bold : Font.Normal
            }
            Text {
                Layout.fillWidth: true
                visible: item.secondary !== ""
                text: item.secondary
                textFormat: Text.PlainText
                elide: Text.ElideRight
                maximumLineCount: 1
                color: Theme.faintText
                font.pixelSize: Theme.smallFont
            }
        }
        Rectangle {
            visible: item.mentions > 0
            objectName: "mentionBadge"
            Layout.preferredHeight: 18
            Layout.preferredWidth: Math.max(18, mentionText.implicitWidth + 10)
            radius: 9
            color: Theme.mentionMark
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%n mention(s)", "", item.mentions)
            Accessible.ignored: !visible
            Text {
                id: mentionText
                anchors.centerIn: parent
                text: item.mentions > 1 ? "@ " + (item.mentions > 99 ? "99+" : item.mentions) : "@"
                textFormat: Text.PlainText
                color: Theme.mentionMarkText
                font.pixelSize: Theme.smallFont * 0.9
                font.weight: Font.Bold
            }
        }
        Text {
            visible: item.muted
            objectName: "mutedMark"
            text: "🔕"
            textFormat: Text.PlainText
            color: Theme.faintText
            // Colour emoji are bitmaps: smaller than this, the bell is a blot.
            font.pixelSize: 15
            Accessible.ignored: true // said in the item's name
        }
        Rectangle {
            visible: item.unread > 0
            objectName: "unreadBadge"
            Layout.preferredHeight: 18
            Layout.preferredWidth: Math.max(18, badgeText.implicitWidth + 10)
            radius: 9
            color: item.muted ? Theme.mutedBadge : Theme.accent
            Text {
                id: badgeText
                anchors.centerIn: parent
                text: item.unread > 99 ? "99+" : String(item.unread)
                textFormat: Text.PlainText
                color: Theme.accentText
                font.pixelSize: Theme.smallFont * 0.9
                font.weight: Font.Bold
            }
        }
    }
}
