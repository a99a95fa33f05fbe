import QtQuick

// Screen readers hear a new message in the open conversation without losing their place: a
// notification object shows with its text, which Orca reads when it appears (Qt 6.4 has no
// announcement API, and AT-SPI live regions cannot be set from QML). Nothing is drawn.
Text {
    id: announcer
    objectName: "announcer"

    /// The timeline (a ListView whose row 0 is the newest message).
    property var timeline: null

    /// Says what `added` rows at the start of the timeline brought, unless they are the user's
    /// own or a notice.
    function announceNewest(added) {
        // The view makes the new rows' delegates at its next polish: now, to read the newest.
        timeline.forceLayout()
        const newest = timeline.itemAtIndex(0)
        if (newest && (newest.isMine || newest.notice))
            return
        // Scrolled far up, the newest row has no delegate: the count is what matters then.
        text = !newest ? qsTr("%n new message(s)", "", added)
             : added > 1 ? qsTr("%n new messages, the last from %1: %2", "", added).arg(newest.senderName).arg(newest.text)
             : qsTr("%1: %2").arg(newest.senderName).arg(newest.text)
        clearTimer.restart()
    }

    width: 1
    height: 1
    opacity: 0
    visible: text !== ""
    textFormat: Text.PlainText
    Accessible.role: Accessible.Notification
    Accessible.name: text
    Accessible.ignored: !visible

    Timer {
        id: clearTimer
        interval: 8000
        onTriggered: announcer.text = ""
    }
}
