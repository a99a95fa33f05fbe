import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Joins a room by its id, for servers without a room list.
Dialog {
    id: dialog
    objectName: "joinRoomDialog"

    signal joinRequested(string roomId)

    title: qsTr("Join a room by id")
    modal: true
    focus: true
    standardButtons: Dialog.Ok | Dialog.Cancel
    closePolicy: Popup.CloseOnEscape
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height * 0.2 : 0
    width: 380

    readonly property bool valid: /^[1-9][0-9]{0,15}$/.test(idField.text.trim())

    onOpened: {
        idField.text = ""
        idField.forceActiveFocus()
    }
    onAccepted: if (valid) joinRequested(idField.text.trim())
    Component.onCompleted: standardButton(Dialog.Ok).enabled = Qt.binding(() => dialog.valid)

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
            onAccepted: if (dialog.valid) dialog.accept()
        }
    }
}
