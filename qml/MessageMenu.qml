import QtQuick
import QtQuick.Controls
import StudyConnect.Desktop

// What can be done with one message, shared by every row of a timeline and its thread panel:
// the context menu (right click, the Menu key, Shift+F10, "⋯"), the emoji picker and the
// confirmation before deleting. Each entry is there only when the conversation says the user may
// do it, so a server without these features shows nothing new but Copy text.
Item {
    id: host

    /// The Conversation (or a stand-in with the same properties, in tests).
    property var conversation: null
    /// The message the menu is for: {id, text, isMine, isPinned, threadId, threadReplyCount,
    /// threadResolved, inThread}, as MessageDelegate.snapshot() gives it.
    property var message: ({})
    property alias menu: menu
    property alias picker: picker
    property alias deleteDialog: deleteDialog

    /// Reply or Edit started: the composer should take the focus (the thread panel's when
    /// `inThread`).
    signal composerWanted(bool inThread)

    readonly property bool inThread: !!message.inThread
    readonly property bool isRoot: !inThread && !message.threadId
    readonly property bool canReply: !!conversation && conversation.canReply
    readonly property bool canReplyInThread: !!conversation && conversation.canUseThreads && isRoot
    readonly property bool canReact: !!conversation && conversation.canReact
    readonly property bool canEdit: !!conversation && conversation.canEdit && !!message.isMine
    readonly property bool canDelete: !!conversation && ((conversation.canDelete && !!message.isMine) || conversation.canModerate)
    readonly property bool canPin: !!conversation && conversation.canPin
    readonly property bool canResolve: !!conversation && conversation.canUseThreads && isRoot
                                       && message.threadReplyCount > 0 && (!!message.isMine || conversation.canModerate)

    /// Opens the context menu for `message` at (x, y) in `item`.
    function openMenu(message, item, x, y) {
        host.message = message
        menu.popup(item, x, y)
    }
    /// Opens the emoji picker under `item` for `message`.
    function openPicker(message, item) {
        host.message = message
        picker.openFor(message.id, item)
    }
    /// Whose composer a reply or an edit goes to: the open thread's for a message in it.
    function modesFor(message) {
        return message.inThread && conversation.openThread ? conversation.openThread : conversation
    }
    function reply(message) {
        modesFor(message).startReply(message.id)
        composerWanted(!!message.inThread)
    }

    Menu {
        id: menu
        objectName: "messageMenu"

        component ActionItem: MenuItem {
            height: visible ? implicitHeight : 0
            Accessible.name: text
            Accessible.ignored: !visible
        }

        ActionItem {
            objectName: "menuReply"
            text: qsTr("Reply")
            visible: host.canReply
            onTriggered: host.reply(host.message)
        }
        ActionItem {
            objectName: "menuReplyInThread"
            text: qsTr("Reply in thread")
            visible: host.canReplyInThread
            onTriggered: host.conversation.showThread(host.message.id)
        }
        ActionItem {
            objectName: "menuReact"
            text: qsTr("React…")
            visible: host.canReact
            onTriggered: picker.openFor(host.message.id, menu.parent)
        }
        ActionItem {
            objectName: "menuEdit"
            text: qsTr("Edit")
            visible: host.canEdit
            onTriggered: {
                host.modesFor(host.message).startEdit(host.message.id)
                host.composerWanted(host.inThread)
            }
        }
        ActionItem {
            objectName: "menuDelete"
            text: qsTr("Delete…")
            visible: host.canDelete
            onTriggered: deleteDialog.open()
        }
        ActionItem {
            objectName: "menuCopy"
            text: qsTr("Copy text")
            onTriggered: TextTools.copyText(host.message.text)
        }
        ActionItem {
            objectName: "menuPin"
            text: host.message.isPinned ? qsTr("Unpin") : qsTr("Pin")
            visible: host.canPin
            onTriggered: host.conversation.setPinned(host.message.id, !host.message.isPinned)
        }
        ActionItem {
            objectName: "menuResolve"
            text: host.message.threadResolved ? qsTr("Reopen thread") : qsTr("Mark thread resolved")
            visible: host.canResolve
            onTriggered: host.conversation.setThreadResolved(host.message.id, !host.message.threadResolved)
        }
    }

    EmojiPicker {
        id: picker
        parent: Overlay.overlay
        onPicked: (messageId, emoji) => host.conversation.toggleReaction(messageId, emoji)
    }

    Dialog {
        id: deleteDialog
        objectName: "deleteDialog"
        parent: Overlay.overlay
        x: parent ? (parent.width - width) / 2 : 0
        y: parent ? parent.height * 0.25 : 0
        width: Math.max(240, Math.min(380, parent ? parent.width - 32 : 380))
        modal: true
        focus: true
        title: qsTr("Delete message?")

        Label {
            id: deleteText
            width: deleteDialog.availableWidth
            focus: true
            text: host.message.isMine ? qsTr("The message will be removed for everyone. This cannot be undone.")
                                      : qsTr("The message by another user will be removed for everyone. This cannot be undone.")
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.text
            Accessible.role: Accessible.Dialog
            Accessible.name: deleteDialog.title
            Accessible.description: text
            Accessible.ignored: !visible
            Keys.onReturnPressed: deleteDialog.accept()
            Keys.onEnterPressed: deleteDialog.accept()
        }
        footer: DialogButtonBox {
            Button {
                objectName: "confirmDeleteButton"
                text: qsTr("Delete")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: qsTr("Delete the message")
                Accessible.ignored: !visible
            }
            Button {
                objectName: "cancelDeleteButton"
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                Accessible.name: qsTr("Keep the message")
                Accessible.ignored: !visible
            }
        }
        onOpened: deleteText.forceActiveFocus()
        onAccepted: host.conversation.deleteMessage(host.message.id)
    }
}
