import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StudyConnect.Desktop

// Why Save as… or Open failed (FileActions.error), until dismissed or 10 seconds later.
Rectangle {
    id: notice
    objectName: "fileActionsNotice"

    visible: FileActions.error !== ""
    implicitWidth: noticeRow.implicitWidth + Theme.spacing * 2
    implicitHeight: noticeRow.implicitHeight + Theme.spacing
    radius: Theme.radius
    color: Theme.errorBackground
    border.color: Theme.separator
    Accessible.role: Accessible.AlertMessage
    Accessible.name: noticeText.text
    Accessible.ignored: !visible

    Timer {
        interval: 10000
        running: notice.visible
        onTriggered: FileActions.clearError()
    }
    RowLayout {
        id: noticeRow
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing / 2
        Text {
            id: noticeText
            objectName: "fileActionsError"
            Layout.fillWidth: true
            Layout.maximumWidth: notice.width - Theme.spacing * 5
            text: FileActions.error
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
        }
        ToolButton {
            text: "×"
            Accessible.name: qsTr("Dismiss")
            Accessible.ignored: !notice.visible
            onClicked: FileActions.clearError()
        }
    }
}
