import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Desktop

// A picture of a message, larger: fitted to the window (decoded at that size, never beyond the
// picture's own), with its name, Save as…, Open and Close. Escape closes.
Popup {
    id: viewer
    objectName: "imageViewer"

    /// {id, name, size, sizeText, width, height, localPath}
    property var attachment: ({})
    readonly property string fileId: attachment.id ?? ""
    readonly property string fileName: attachment.name ?? ""
    readonly property string localPath: attachment.localPath ?? ""

    signal saveRequested()

    parent: Overlay.overlay
    x: Math.round((parent.width - width) / 2)
    y: Math.round((parent.height - height) / 2)
    width: parent.width - Theme.spacing * 4
    height: parent.height - Theme.spacing * 4
    modal: true
    focus: true
    padding: 0
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onOpened: closeButton.forceActiveFocus()

    background: Rectangle {
        color: Theme.base
        radius: Theme.radius
        border.color: Theme.separator
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Picture %1").arg(viewer.fileName)

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            spacing: Theme.spacing
            Text {
                objectName: "viewerTitle"
                Layout.fillWidth: true
                text: viewer.fileName
                textFormat: Text.PlainText
                elide: Text.ElideMiddle
                color: Theme.text
                font.weight: Font.DemiBold
            }
            Button {
                objectName: "viewerSaveButton"
                visible: viewer.fileId !== ""
                text: qsTr("Save as…")
                Accessible.name: qsTr("Save %1").arg(viewer.fileName)
                Accessible.ignored: !visible
                onClicked: viewer.saveRequested()
            }
            Button {
                objectName: "viewerOpenButton"
                visible: viewer.fileId !== ""
                text: qsTr("Open")
                Accessible.name: qsTr("Open %1 in another application").arg(viewer.fileName)
                Accessible.ignored: !visible
                onClicked: FileActions.open(viewer.fileId, viewer.fileName)
            }
            ToolButton {
                id: closeButton
                objectName: "viewerCloseButton"
                text: "×"
                font.pixelSize: Theme.titleFont
                Accessible.name: qsTr("Close (Esc)")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Close (Esc)")
                onClicked: viewer.close()
            }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            color: Theme.separator
        }
        Item {
            id: stage
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing
            clip: true

            Image {
                id: picture
                objectName: "viewerImage"
                // Decoded to fit the stage, and shown at that size: a small picture stays small
                // (the provider never enlarges one, and neither does the view).
                anchors.centerIn: parent
                width: Math.min(implicitWidth, stage.width)
                height: Math.min(implicitHeight, stage.height)
                asynchronous: true
                fillMode: Image.PreserveAspectFit
                sourceSize: Qt.size(Math.max(1, Math.round(stage.width)), Math.max(1, Math.round(stage.height)))
                source: viewer.localPath !== "" ? FileActions.localImageSource(viewer.localPath)
                                                : FileActions.imageSource(viewer.fileId)
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: picture.status === Image.Loading
                visible: running
            }
            Text {
                anchors.centerIn: parent
                width: parent.width - Theme.spacing * 4
                visible: picture.status === Image.Error
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("This picture cannot be shown. Save it or open it in another application.")
                textFormat: Text.PlainText
                color: Theme.mutedText
            }
        }
    }
}
