import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A message's attachments under its text, in the order sent; for our own message still
// uploading them, the upload's progress and Cancel (which discards the message).
Column {
    id: list
    objectName: "messageAttachments"

    /// The row's `attachments` role: [{id, name, size, sizeText, mimeType, width, height, isImage, localPath}]
    property var attachments: []
    /// The row's `uploadProgress` role: 0..1 while uploading, -1 otherwise.
    property real uploadProgress: -1
    /// A pending message of ours: its upload can be cancelled.
    property bool pending: false

    signal cancelRequested()

    spacing: 4

    Repeater {
        model: list.attachments
        delegate: AttachmentView {
            required property var modelData
            attachment: modelData
            availableWidth: list.width
            opacity: list.pending ? 0.7 : 1
        }
    }

    RowLayout {
        objectName: "uploadProgressRow"
        visible: list.pending && list.uploadProgress >= 0
        width: Math.min(list.width, 360)
        spacing: Theme.spacing
        ProgressBar {
            objectName: "uploadProgressBar"
            Layout.fillWidth: true
            from: 0
            to: 1
            value: Math.max(0, list.uploadProgress)
            Accessible.name: qsTr("Uploading")
            Accessible.ignored: !visible
        }
        Text {
            objectName: "uploadProgressText"
            text: qsTr("Uploading… %1%").arg(Math.round(list.uploadProgress * 100))
            textFormat: Text.PlainText
            color: Theme.faintText
            font.pixelSize: Theme.smallFont
        }
        Button {
            objectName: "cancelUploadButton"
            text: qsTr("Cancel")
            flat: true
            Accessible.name: qsTr("Cancel the upload and discard this message")
            Accessible.ignored: !visible
            onClicked: list.cancelRequested()
        }
    }
}
