import QtQuick
import QtQuick.Controls
import StudyConnect.Desktop

// One attachment of a message: a picture as a thumbnail (decoded off the GUI thread at the size
// shown; its place kept from the width and height the server measured, so the row does not
// jump when it arrives), anything else, or a picture that does not decode, as a FileCard.
// Click, Enter or Space on a thumbnail opens the ImageViewer.
Item {
    id: view

    /// {id, name, size, sizeText, mimeType, width, height, isImage, localPath}
    property var attachment: ({})
    /// The width there is (the message's column).
    property real availableWidth: 360
    /// The decoder refused the picture (damaged, too large, not a picture): the card shows.
    property bool failed: false

    readonly property string fileId: attachment.id ?? ""
    readonly property string fileName: attachment.name ?? ""
    readonly property string localPath: attachment.localPath ?? ""
    readonly property string sizeText: attachment.sizeText
                                       || Qt.locale().formattedDataSize(attachment.size ?? 0, 1, Locale.DataSizeTraditionalFormat)
    readonly property bool showsPicture: !!attachment.isImage && !failed && source.toString() !== ""
    /// The picture: the server's file, or the local file of a message still uploading.
    readonly property url source: localPath !== "" ? FileActions.localImageSource(localPath)
                                                   : FileActions.imageSource(fileId)
    /// At most 360 × 280, narrower in a narrow column, never larger than the picture.
    readonly property size shownSize: {
        const boxWidth = Math.max(48, Math.min(360, availableWidth))
        const boxHeight = 280
        // The server's measure; for our own pending picture, its file's.
        const measured = (attachment.width ?? 0) > 0 || localPath === "" ? Qt.size(attachment.width ?? 0, attachment.height ?? 0)
                                                                        : FileActions.localImageSize(localPath)
        const w = measured.width
        const h = measured.height
        if (w <= 0 || h <= 0)
            return Qt.size(Math.min(240, boxWidth), 180)
        const scale = Math.min(1, boxWidth / w, boxHeight / h)
        return Qt.size(Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale)))
    }

    implicitWidth: showsPicture ? shownSize.width : Math.min(420, availableWidth)
    implicitHeight: showsPicture ? shownSize.height : cardLoader.implicitHeight
    width: implicitWidth
    height: implicitHeight

    function openViewer() {
        const viewer = viewerComponent.createObject(view, { attachment: view.attachment })
        viewer.closed.connect(viewer.destroy)
        viewer.saveRequested.connect(view.openSaveDialog)
        viewer.open()
    }
    function openSaveDialog() {
        saveDialogComponent.createObject(view, { fileId: view.fileId, fileName: view.fileName }).open()
    }
    Component {
        id: viewerComponent
        ImageViewer { }
    }
    Component {
        id: saveDialogComponent
        SaveFileDialog { }
    }

    AbstractButton {
        id: thumbnail
        objectName: "attachmentThumbnail"
        visible: view.showsPicture
        width: view.shownSize.width
        height: view.shownSize.height
        focusPolicy: Qt.StrongFocus
        hoverEnabled: true
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Image %1, %2").arg(view.fileName).arg(view.sizeText)
        Accessible.description: qsTr("Opens the picture in a larger view")
        Accessible.ignored: !visible
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: view.fileName
        Keys.onReturnPressed: clicked()
        Keys.onEnterPressed: clicked()
        onClicked: view.openViewer()

        background: Rectangle {
            radius: Theme.radius
            color: Theme.codeBackground
            border.color: thumbnail.visualFocus ? Theme.focusRing : Theme.separator
            border.width: thumbnail.visualFocus ? 2 : 1
        }
        contentItem: Item {
            Image {
                id: image
                objectName: "attachmentImage"
                anchors.fill: parent
                anchors.margins: 1
                asynchronous: true
                cache: true
                fillMode: Image.PreserveAspectFit
                // Decoded at the size shown (the provider never decodes the whole picture for a
                // thumbnail).
                sourceSize: Qt.size(view.shownSize.width, view.shownSize.height)
                source: view.attachment.isImage ? view.source : ""
                onStatusChanged: if (status === Image.Error) view.failed = true
            }
            BusyIndicator {
                anchors.centerIn: parent
                width: 32
                height: 32
                running: image.status === Image.Loading
                visible: running
            }
            Rectangle {
                anchors.fill: parent
                visible: thumbnail.hovered
                radius: Theme.radius
                color: Theme.hover
            }
        }
    }

    Loader {
        id: cardLoader
        active: !view.showsPicture
        visible: active
        width: view.width
        sourceComponent: FileCard {
            attachment: view.attachment
            onSaveRequested: view.openSaveDialog()
        }
    }
}
