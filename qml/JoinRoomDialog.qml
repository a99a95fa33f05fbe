import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Chat

// Joins a room by its id, for servers without a room list. Stays open until the server has
// answered: a room that does not exist says so here and adds nothing to the sidebar.
Dialog {
    id: dialog
    objectName: "joinRoomDialog"

    title: qsTr("Join a room by id")
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height * 0.2 : 0
    width: Math.min(380, parent ? parent.width - 32 : 380)

    function submit() {
        if (!ConversationManager.joiningById)
            ConversationManager.joinRoomById(idField.text)
    }

    onOpened: {
        idField.text = ""
        ConversationManager.clearJoinByIdError()
        idField.forceActiveFocus()
    }
    Connections {
        target: ConversationManager
        function onJoinedById() { dialog.close() }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "joinByIdConfirm"
            text: ConversationManager.joiningById ? qsTr("Joining…") : qsTr("Join")
            enabled: idField.text.trim() !== "" && !ConversationManager.joiningById
            // Apply: the dialog stays open until the server answers.
            DialogButtonBox.buttonRole: DialogButtonBox.ApplyRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        onApplied: dialog.submit()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            text: qsTr("Ask the room's owner for its number.")
            wrapMode: Text.Wrap
            color: Theme.mutedText
        }
        TextField {
            id: idField
            objectName: "roomIdField"
            Layout.fillWidth: true
            placeholderText: qsTr("Room id, e.g. 3")
            inputMethodHints: Qt.ImhDigitsOnly
            Accessible.name: qsTr("Room id")
            Accessible.ignored: !visible
            onTextEdited: ConversationManager.clearJoinByIdError()
            onAccepted: dialog.submit()
        }
        Label {
            objectName: "joinByIdError"
            Layout.fillWidth: true
            visible: text !== ""
            text: ConversationManager.joinByIdError
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
            Accessible.ignored: !visible
        }
    }
}
