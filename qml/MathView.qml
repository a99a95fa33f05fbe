import QtQuick
import QtQuick.Controls
import StudyConnect.Desktop

// A formula on its own lines ($$…$$ or \[…\]), centred: a picture from the math renderer
// (MathText, off the GUI thread, in the text colour), its TeX source in a muted monospace style
// until then, and the source after a "⚠" when it cannot be drawn (the reason in a tooltip). The
// accessible name is always the source.
Item {
    id: mathView

    /// The TeX between the delimiters.
    property string tex
    /// The DisplayMath RichBlock.
    property var richBlock
    readonly property int state: math.state

    objectName: "mathView"
    implicitHeight: formula.implicitHeight + Theme.spacing

    Accessible.role: Accessible.StaticText
    Accessible.name: tex

    MathText {
        id: math
        block: mathView.richBlock
        fontPixelSize: formula.font.pixelSize
        color: Theme.text
        pendingColor: Theme.mathSource
        errorColor: Theme.danger
    }

    Text {
        id: formula
        objectName: "mathFormula"
        y: Theme.spacing / 2
        width: parent.width
        horizontalAlignment: Text.AlignHCenter
        // The source as typed while there is no picture (no html entities to read).
        text: math.state === MathText.Drawn ? math.html
            : math.state === MathText.SomeFailed ? "⚠ " + mathView.tex : mathView.tex
        textFormat: math.state === MathText.Drawn ? Text.StyledText : Text.PlainText
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        color: math.state === MathText.SomeFailed ? Theme.danger : Theme.mathSource
        font.family: math.state === MathText.Drawn ? Qt.application.font.family : Theme.monospaceFamily
        font.pixelSize: Qt.application.font.pixelSize > 0 ? Qt.application.font.pixelSize : 14
        Accessible.ignored: true

        HoverHandler {
            id: hover
            enabled: math.state === MathText.SomeFailed
        }
        ToolTip.visible: hover.hovered
        ToolTip.delay: 600
        ToolTip.text: math.errors
    }
}
