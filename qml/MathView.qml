import QtQuick
import StudyConnect.Desktop

// A formula on its own lines ($$…$$ or \[…\]). Until the math renderer draws it, its TeX source
// in a muted monospace style, which issue 12 asks for "until the picture is ready": this is the
// one place the picture will replace (inline formulas: RichTextModel::inlineMathHtml). The
// accessible name is always the source.
Item {
    id: math

    /// The TeX between the delimiters.
    property string tex

    objectName: "mathView"
    implicitHeight: sourceText.implicitHeight + Theme.spacing

    Accessible.role: Accessible.StaticText
    Accessible.name: tex

    Text {
        id: sourceText
        objectName: "mathSource"
        y: Theme.spacing / 2
        width: parent.width
        horizontalAlignment: Text.AlignHCenter
        text: math.tex
        textFormat: Text.PlainText
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        color: Theme.mathSource
        font.family: Theme.monospaceFamily
        Accessible.ignored: true
    }
}
