import QtQuick
import QtQuick.Controls
import StudyConnect.Desktop

// A paragraph, heading, list item or quoted paragraph of a rich message. `html` comes from
// RichTextModel: every character of the message escaped, only <b> <i> <s> <code> <br> and
// <a href="http(s)://…">, so StyledText loads nothing; a link opens through TextTools, which
// refuses every scheme but http(s).
Item {
    id: textBlock

    property string html
    /// The RichBlock: its inline formulas become pictures (MathText); `html` shows until then.
    property var richBlock
    /// The block without markup: its accessible name.
    property string plainText
    /// 1–6 for a heading (bold, modestly larger), 0 otherwise.
    property int headingLevel: 0
    /// A list item's marker ("•", "3."), drawn in the indentation left of the text.
    property string marker
    property int markerWidth: 22

    readonly property real baseSize: Qt.application.font.pixelSize > 0 ? Qt.application.font.pixelSize : 14

    implicitHeight: label.implicitHeight + (headingLevel > 0 ? Math.round(Theme.spacing / 2) : 0)

    Text {
        objectName: "listMarker"
        visible: textBlock.marker !== ""
        x: -textBlock.markerWidth
        width: textBlock.markerWidth - 6
        horizontalAlignment: Text.AlignRight
        text: textBlock.marker
        textFormat: Text.PlainText
        color: Theme.mutedText
        font: label.font
        Accessible.ignored: true
    }

    Text {
        id: label
        objectName: "richText"
        y: textBlock.headingLevel > 0 ? Math.round(Theme.spacing / 2) : 0
        width: parent.width
        // The model's html (formulas as their source) until MathText has drawn the formulas.
        text: math.state === MathText.NoMath ? textBlock.html : math.html
        textFormat: Text.StyledText
        wrapMode: Text.Wrap
        color: Theme.text
        linkColor: Theme.link
        font.bold: textBlock.headingLevel > 0
        font.pixelSize: textBlock.headingLevel === 1 ? textBlock.baseSize * 1.3
                      : textBlock.headingLevel === 2 ? textBlock.baseSize * 1.18
                      : textBlock.headingLevel === 3 ? textBlock.baseSize * 1.08
                      : textBlock.baseSize
        Accessible.role: textBlock.headingLevel > 0 ? Accessible.Heading : Accessible.StaticText
        Accessible.name: (textBlock.marker ? textBlock.marker + " " : "") + textBlock.plainText
        onLinkActivated: (link) => TextTools.openLink(link)

        HoverHandler {
            enabled: label.hoveredLink !== ""
            cursorShape: Qt.PointingHandCursor
        }
        HoverHandler {
            id: mathHover
            enabled: math.state === MathText.SomeFailed
        }
        ToolTip.visible: mathHover.hovered
        ToolTip.delay: 600
        ToolTip.text: math.errors
    }

    MathText {
        id: math
        block: textBlock.richBlock
        fontPixelSize: label.font.pixelSize
        color: label.color
        pendingColor: Theme.mathSource
        errorColor: Theme.danger
        codeColor: Theme.inlineCode
    }
}
