import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Auth
import StudyConnect.Desktop

// Rooms (joined state, unread badges), direct messages (unread counts) and people (presence,
// online first). Activating a person opens the direct conversation with them.
Rectangle {
    id: sidebar
    objectName: "sidebar"

    property var rooms
    property var conversations
    property var people
    /// The open Conversation, highlighted.
    property var current: null
    property string selfId: ""
    /// Connected to the server: the dot on our own avatar.
    property bool selfOnline: false

    signal conversationActivated(var conversation)
    signal personActivated(string userId)
    signal joinByIdRequested()
    signal messageByIdRequested()
    signal switcherRequested()
    signal signOutRequested()
    signal networkSettingsRequested()
    signal searchRequested()
    signal storageSettingsRequested()
    signal settingsRequested()

    color: Theme.sidebar

    /// Keyboard focus into the sidebar (F6, the drawer opening): the open conversation's entry,
    /// else the "Jump to…" button.
    function focusFirst() {
        switcherButton.forceActiveFocus(Qt.TabFocusReason)
    }

    // Start-up milestone for bench/app: the first time rooms are listed.
    Connections {
        target: sidebar.rooms
        function onCountChanged() {
            if (sidebar.rooms.count > 0)
                StartupProbe.mark("room list")
        }
    }
    Component.onCompleted: if (rooms && rooms.count > 0) StartupProbe.mark("room list")

    Rectangle {
        anchors.right: parent.right
        width: 1
        height: parent.height
        color: Theme.separator
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.rightMargin: 1
        spacing: 0

        // --- who I am ---
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing * 1.5
            spacing: Theme.spacing
            Avatar {
                name: selfName.text
                source: Session.user.avatar || ""
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
                showPresence: true
                online: sidebar.selfOnline
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Text {
                    id: selfName
                    Layout.fillWidth: true
                    text: {
                        const u = Session.user
                        const name = ((u.firstName || "") + " " + (u.lastName || "")).trim() || (u.name || "")
                        if (name !== "")
                            return name
                        if (Session.account !== "")
                            return Session.account
                        // A token on a server without REST: the id until our first message names us.
                        return Session.userId !== "" ? qsTr("User %1").arg(Session.userId) : qsTr("Signed in")
                    }
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.text
                    font.weight: Font.DemiBold
                }
                Text {
                    Layout.fillWidth: true
                    text: Session.serverUrl.toString().replace(/^https?:\/\//, "")
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont
                }
            }
            ToolButton {
                objectName: "accountMenuButton"
                text: "⋯"
                Accessible.name: qsTr("Account menu")
                Accessible.ignored: !visible
                onClicked: {
                    accountMenuLoader.active = true
                    accountMenuLoader.item.open()
                }
                // Created on first use.
                Loader {
                    id: accountMenuLoader
                    active: false
                    y: parent.height
                    sourceComponent: Menu {
                    MenuItem {
                        text: qsTr("Jump to…  (Ctrl+K)")
                        onTriggered: sidebar.switcherRequested()
                    }
                    MenuItem {
                        objectName: "searchItem"
                        text: qsTr("Search messages…  (Ctrl+F)")
                        onTriggered: sidebar.searchRequested()
                    }
                    MenuItem {
                        text: qsTr("Join a room by id…")
                        onTriggered: sidebar.joinByIdRequested()
                    }
                    MenuItem {
                        text: qsTr("Message a person by id…")
                        onTriggered: sidebar.messageByIdRequested()
                    }
                    MenuItem {
                        objectName: "networkSettingsItem"
                        text: qsTr("Network settings…")
                        onTriggered: sidebar.networkSettingsRequested()
                    }
                    MenuItem {
                        objectName: "storageSettingsItem"
                        text: qsTr("Messages on this computer…")
                        onTriggered: sidebar.storageSettingsRequested()
                    }
                    MenuItem {
                        objectName: "settingsItem"
                        text: qsTr("Settings…  (Ctrl+,)")
                        onTriggered: sidebar.settingsRequested()
                    }
                    MenuSeparator {}
                    MenuItem {
                        objectName: "signOutItem"
                        text: qsTr("Sign out")
                        onTriggered: sidebar.signOutRequested()
                    }
                    }
                }
            }
        }

        // --- quick switcher entry ---
        Button {
            id: switcherButton
            objectName: "switcherButton"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing * 1.5
            Layout.rightMargin: Theme.spacing * 1.5
            Layout.bottomMargin: Theme.spacing
            flat: false
            text: qsTr("Jump to…")
            Accessible.name: qsTr("Jump to a room or person (Ctrl+K)")
            Accessible.ignored: !visible
            contentItem: RowLayout {
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Jump to…")
                    textFormat: Text.PlainText
                    color: Theme.mutedText
                }
                Text {
                    text: qsTr("Ctrl+K")
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont
                }
            }
            onClicked: sidebar.switcherRequested()
        }

        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.separator }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            Column {
                width: scroll.availableWidth
                topPadding: 4
                bottomPadding: 12

                SectionHeader {
                    title: qsTr("Rooms")
                    actionText: qsTr("+ Join by id")
                    actionName: "joinByIdButton"
                    actionDescription: qsTr("Join a room by its id")
                    onActionTriggered: sidebar.joinByIdRequested()
                }
                Repeater {
                    model: sidebar.rooms
                    // "id" cannot be a property name in QML: the roles are read through `model`.
                    delegate: SidebarItem {
                        required property var model
                        objectName: model.key
                        width: parent.width
                        glyph: "#"
                        label: model.name
                        dimmed: !model.joined
                        unread: model.unreadCount
                        mentions: model.conversation ? model.conversation.mentionCount : 0
                        conversation: model.conversation
                        current: sidebar.current === model.conversation
                        Accessible.description: model.joined ? qsTr("joined") : qsTr("not joined")
                        onClicked: sidebar.conversationActivated(model.conversation)
                    }
                }
                Text {
                    visible: !sidebar.rooms || sidebar.rooms.count === 0
                    x: Theme.spacing * 2
                    width: parent.width - Theme.spacing * 4
                    text: qsTr("No rooms yet. Join one by its id.")
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont
                }

                SectionHeader {
                    title: qsTr("Direct messages")
                    actionText: qsTr("+ By id")
                    actionName: "messageByIdButton"
                    actionDescription: qsTr("Message a person by their id")
                    onActionTriggered: sidebar.messageByIdRequested()
                }
                Repeater {
                    model: sidebar.conversations
                    delegate: SidebarItem {
                        required property var model
                        objectName: model.key
                        width: parent.width
                        showAvatar: true
                        avatarSource: model.avatar
                        label: model.name
                        secondary: model.lastMessageText
                        unread: model.unreadCount
                        mentions: model.conversation ? model.conversation.mentionCount : 0
                        conversation: model.conversation
                        current: sidebar.current === model.conversation
                        onClicked: sidebar.conversationActivated(model.conversation)
                    }
                }
                Text {
                    visible: !sidebar.conversations || sidebar.conversations.count === 0
                    x: Theme.spacing * 2
                    width: parent.width - Theme.spacing * 4
                    text: qsTr("No conversations yet. Pick someone below.")
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont
                }

                SectionHeader {
                    // Others online: the signed-in user is not listed.
                    title: sidebar.people ? qsTr("People · %1 online").arg(Math.max(0, sidebar.people.onlineCount
                                  - (sidebar.people.statusOf(sidebar.selfId) === "online" ? 1 : 0)))
                                          : qsTr("People")
                }
                Repeater {
                    model: sidebar.people
                    delegate: SidebarItem {
                        required property var model
                        objectName: "person:" + model.id
                        visible: model.id !== sidebar.selfId
                        height: visible ? 44 : 0
                        width: parent.width
                        showAvatar: true
                        showPresence: true
                        online: model.online
                        avatarSource: model.avatar
                        label: model.name
                        secondary: model.role
                        dimmed: !model.online
                        Accessible.description: qsTr("Opens a direct conversation")
                        onClicked: sidebar.personActivated(model.id)
                    }
                }
            }
        }
    }
}
