import QtQuick
import QtQuick.Controls
import StudyConnect.Desktop

// The files attached to the draft, above the composer's field: a chip each (a small picture or
// an icon, the name, the size) with × to take it off again.
Flow {
    id: chips
    objectName: "attachmentChips"

    /// The conversation's draftAttachments: [{name, size, sizeText, localPath, isImage}]
    property var attachments: []

    signal removeRequested(int index)

    spacing: Theme.spacing / 2
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Attached files")
    Accessible.ignored: !visible

    Repeater {
        model: chips.attachments
        delegate: Rectangle {
            id: chip
            objectName: "attachmentChip"
            required property var modelData
            required property int index
            readonly property string sizeText: modelData.sizeText
                                               || Qt.locale().formattedDataSize(modelData.size ?? 0, 1, Locale.DataSizeTraditionalFormat)

            width: Math.min(chipRow.implicitWidth + Theme.spacing, chips.width)
            height: chipRow.implicitHeight + 4
            radius: height / 2
            color: Theme.sidebar
            border.color: Theme.separator
            Accessible.role: Accessible.ListItem
            Accessible.name: (modelData.isImage ? qsTr("Image %1, %2") : qsTr("File %1, %2")).arg(modelData.name).arg(sizeText)

            Row {
                id: chipRow
                x: Theme.spacing / 2
                anchors.verticalCenter: parent.verticalCenter
                spacing: Theme.spacing / 2
                Image {
                    anchors.verticalCenter: parent.verticalCenter
                    visible: !!chip.modelData.isImage && status !== Image.Error
                    width: visible ? 22 : 0
                    height: 22
                    asynchronous: true
                    fillMode: Image.PreserveAspectCrop
                    sourceSize: Qt.size(44, 44)
                    source: chip.modelData.isImage ? FileActions.localImageSource(chip.modelData.localPath ?? "") : ""
                }
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    visible: !chip.modelData.isImage
                    text: "📄"
                    textFormat: Text.PlainText
                }
                Text {
                    objectName: "attachmentChipName"
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.min(implicitWidth, chips.width - 120)
                    text: chip.modelData.name
                    textFormat: Text.PlainText
                    elide: Text.ElideMiddle
                    color: Theme.text
                    font.pixelSize: Theme.smallFont
                }
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: chip.sizeText
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.smallFont
                }
                ToolButton {
                    objectName: "removeAttachmentButton"
                    anchors.verticalCenter: parent.verticalCenter
                    implicitWidth: 24
                    implicitHeight: 24
                    padding: 0
                    text: "×"
                    focusPolicy: Qt.StrongFocus
                    Accessible.name: qsTr("Remove %1").arg(chip.modelData.name)
                    ToolTip.visible: hovered
                    ToolTip.text: Accessible.name
                    onClicked: chips.removeRequested(chip.index)
                }
            }
        }
    }
}
