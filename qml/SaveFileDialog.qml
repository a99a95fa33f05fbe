import QtQuick
import QtQuick.Dialogs
import StudyConnect.Desktop

// "Save as…" for an attachment: starts in Downloads with the file's (cleaned) name; the dialog
// asks before replacing a file. Made when asked for and destroyed when closed.
FileDialog {
    id: dialog

    required property string fileId
    required property string fileName

    title: qsTr("Save “%1”").arg(fileName)
    fileMode: FileDialog.SaveFile
    selectedFile: FileActions.suggestedSaveUrl(fileName)
    currentFolder: {
        const url = FileActions.suggestedSaveUrl(fileName).toString()
        return url.substring(0, url.lastIndexOf("/"))
    }
    onAccepted: {
        FileActions.saveAs(fileId, fileName, selectedFile)
        destroy()
    }
    onRejected: destroy()
}
