import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Desktop

// A file in a message: an icon for its kind, the name (elided), the size, and Save… and Open.
// Also a picture that does not decode. A file of a pending message (not uploaded yet) has no
// buttons. Reached with Tab; its buttons are read out with the file's name.
Rectangle {
    id: card
    objectName: "fileCard"

    /// {id, name, size, sizeText, mimeType, isImage, localPath}
    property var attachment: ({})
    readonly property string fileId: attachment.id ?? ""
    readonly property string fileName: attachment.name ?? ""
    readonly property string sizeText: attachment.sizeText
                                       || Qt.locale().formattedDataSize(attachment.size ?? 0, 1, Locale.DataSizeTraditionalFormat)
    /// Uploaded: it can be saved and opened.
    readonly property bool onServer: fileId !== ""
    /// FileActions is downloading this file for Save… or Open.
    readonly property bool downloading: FileActions.busy && FileActions.activeFileId === fileId && onServer

    signal saveRequested()

    /// An icon for the kind of file, from its MIME type.
    function iconFor(mimeType, isImage) {
        const type = mimeType || ""
        if (isImage || type.startsWith("image/"))
            return "🖼"
        if (type === "application/pdf")
            return "📕"
        if (type.startsWith("text/") || type.indexOf("document") >= 0 || type === "application/msword")
            return "📝"
        if (type.indexOf("sheet") >= 0 || type === "text/csv")
            return "📊"
        if (type.indexOf("presentation") >= 0)
            return "📽"
        if (type.startsWith("audio/"))
            return "🎵"
        if (type.startsWith("video/"))
            return "🎬"
        if (type.indexOf("zip") >= 0 || type.indexOf("compressed") >= 0 || type.indexOf("tar") >= 0)
            return "🗜"
        return "📄"
    }

    implicitWidth: 420
    implicitHeight: layout.implicitHeight + Theme.spacing * 1.5
    radius: Theme.radius
    color: Theme.codeBackground
    border.color: activeFocus ? Theme.focusRing : Theme.separator
    border.width: activeFocus ? 2 : 1
    activeFocusOnTab: true
    Accessible.role: Accessible.Grouping
    Accessible.name: (attachment.isImage ? qsTr("Image %1, %2") : qsTr("File %1, %2")).arg(fileName).arg(sizeText)
    Accessible.ignored: !visible

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing / 2
        spacing: Theme.spacing

        Text {
            objectName: "fileIcon"
            text: card.iconFor(card.attachment.mimeType, card.attachment.isImage)
            textFormat: Text.PlainText
            font.pixelSize: Theme.titleFont * 1.4
            Accessible.ignored: true
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Text {
                objectName: "fileName"
                Layout.fillWidth: true
                text: card.fileName
                textFormat: Text.PlainText
                elide: Text.ElideMiddle
                maximumLineCount: 1
                color: Theme.text
                font.weight: Font.DemiBold
            }
            Text {
                objectName: "fileSize"
                Layout.fillWidth: true
                text: card.downloading && FileActions.progress >= 0
                      ? qsTr("%1 · downloading %2%").arg(card.sizeText).arg(Math.round(FileActions.progress * 100))
                      : card.sizeText
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
            }
            ProgressBar {
                Layout.fillWidth: true
                visible: card.downloading
                indeterminate: FileActions.progress < 0
                value: Math.max(0, FileActions.progress)
                Accessible.ignored: !visible
            }
        }
        ToolButton {
            objectName: "saveFileButton"
            visible: card.onServer
            text: qsTr("Save…")
            focusPolicy: Qt.StrongFocus
            enabled: !card.downloading
            Accessible.name: qsTr("Save %1").arg(card.fileName)
            Accessible.ignored: !visible
            onClicked: card.saveRequested()
        }
        ToolButton {
            objectName: "openFileButton"
            visible: card.onServer
            text: qsTr("Open")
            focusPolicy: Qt.StrongFocus
            enabled: !card.downloading
            Accessible.name: qsTr("Open %1").arg(card.fileName)
            Accessible.ignored: !visible
            onClicked: FileActions.open(card.fileId, card.fileName)
        }
    }
}
