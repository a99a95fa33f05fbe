import QtQuick
import QtQuick.Controls

// The message a reply answers, above its text: who wrote it and how it starts. Clicking it
// (or Enter when focused) asks to show the original.
AbstractButton {
    id: quote
    objectName: "replyQuote"

    property string senderName
    property string quotedText

    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    padding: 4
    leftPadding: 10
    rightPadding: 8
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("Reply to %1: %2").arg(senderName).arg(quotedText)
    Accessible.description: qsTr("Shows the original message")
    Accessible.ignored: !visible

    contentItem: Column {
        spacing: 0
        Text {
            objectName: "replyQuoteSender"
            width: parent.width
            text: quote.senderName
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
            font.weight: Font.DemiBold
        }
        Text {
            objectName: "replyQuoteText"
            width: parent.width
            text: quote.quotedText
            textFormat: Text.PlainText
            elide: Text.ElideRight
            maximumLineCount: 2
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
        }
    }
    background: Rectangle {
        radius: Theme.radius / 2
        color: quote.hovered ? Theme.hover : "transparent"
        border.color: quote.visualFocus ? Theme.focusRing : "transparent"
        border.width: 2
        Rectangle {
            width: 3
            height: parent.height
            radius: 1.5
            color: Theme.accent
        }
    }
}
