import QtQuick
import QtQuick.Controls

// The line under a question that has a thread: "3 replies · last 14:02 · ✓ Resolved". Clicking
// it opens the thread beside the timeline.
AbstractButton {
    id: summary
    objectName: "threadSummary"

    property int replyCount: 0
    property var lastReplyAt: null
    property bool resolved: false

    readonly property string lastText: lastReplyAt && !isNaN(lastReplyAt)
                                       ? lastReplyAt.toLocaleTimeString(Qt.locale(), Theme.timeFormat) : ""
    readonly property string label: [qsTr("%n replies", "", replyCount),
                                     lastText ? qsTr("last %1").arg(lastText) : "",
                                     resolved ? "✓ " + qsTr("Resolved") : ""].filter(s => s).join(" · ")

    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    padding: 2
    leftPadding: 6
    rightPadding: 6
    Accessible.role: Accessible.Button
    Accessible.name: label
    Accessible.description: qsTr("Opens the thread")
    Accessible.ignored: !visible

    contentItem: Text {
        text: summary.label
        textFormat: Text.PlainText
        color: summary.resolved ? Theme.success : Theme.link
        font.pixelSize: Theme.smallFont
        font.weight: Font.DemiBold
        font.underline: summary.hovered
    }
    background: Rectangle {
        radius: Theme.radius / 2
        color: summary.hovered ? Theme.hover : "transparent"
        border.color: summary.visualFocus ? Theme.focusRing : "transparent"
        border.width: 2
    }
}
