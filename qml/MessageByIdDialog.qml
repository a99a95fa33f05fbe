import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Chat

// Opens a direct conversation with a user id, for servers that list nobody (the seed's): a person
// not yet seen online or in a room can still be written to.
Dialog {
    id: dialog
    objectName: "messageByIdDialog"

    title: qsTr("Message a person by id")
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height * 0.2 : 0
    width: Math.min(380, parent ? parent.width - 32 : 380)

    property string error: ""

    function submit() {
        const id = idField.text.trim()
        if (!/^[1-9][0-9]{0,15}$/.test(id)) {
            error = qsTr("A user id is a whole number, like 12.")
            return
        }
        if (id === ConversationManager.currentUserId) {
            error = qsTr("That is your own id.")
            return
        }
        ConversationManager.openDirect(id)
        dialog.close()
    }

    onOpened: {
        idField.text = ""
        error = ""
        idField.forceActiveFocus()
    }

    footer: DialogButtonBox {
        Button {
            objectName: "messageByIdConfirm"
            text: qsTr("Open")
            enabled: idField.text.trim() !== ""
            // Apply: the dialog closes only for a usable id.
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
            text: qsTr("Their user id is the number your school's system gives them.")
            wrapMode: Text.Wrap
            color: Theme.mutedText
        }
        TextField {
            id: idField
            objectName: "personIdField"
            Layout.fillWidth: true
            placeholderText: qsTr("User id, e.g. 12")
            inputMethodHints: Qt.ImhDigitsOnly
            Accessible.name: qsTr("User id")
            Accessible.ignored: !visible
            onTextEdited: dialog.error = ""
            onAccepted: dialog.submit()
        }
        Label {
            objectName: "messageByIdError"
            Layout.fillWidth: true
            visible: text !== ""
            text: dialog.error
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
            Accessible.ignored: !visible
        }
    }
}
