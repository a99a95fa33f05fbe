import QtQuick
import StudyConnect.Desktop

// A message's Markdown and math, block by block: C++ (RichTextModel) parses the source into
// blocks with safe StyledText html; this only draws them. A quote has a bar per level on its
// left, lists are indented by depth with their marker, code blocks scroll sideways with a Copy
// button, formulas are pictures from the math renderer (MathText), their TeX source until then. Used by
// MessageDelegate for messages TextTools.needsRichText() picks, and by the composer's preview.
Column {
    id: richBody

    /// The message's source text.
    property string text
    readonly property int blockCount: blocks.count

    /// Left indentation per list level and per quote level.
    readonly property int listIndent: Math.round(Theme.spacing * 2.75)
    readonly property int quoteIndent: Theme.spacing + 4

    spacing: Math.round(Theme.spacing / 2)

    RichTextModel {
        id: blocks
        text: richBody.text
        mathColor: Theme.mathSource
        codeColor: Theme.inlineCode
    }

    Repeater {
        model: blocks

        delegate: Item {
            id: block

            required property int index
            required property int kind
            required property string html
            required property string plainText
            required property int headingLevel
            required property int listDepth
            required property int quoteLevel
            required property string marker
            required property string language
            required property string source
            /// The whole RichBlock: MathText draws its formulas.
            required property var block

            readonly property int indent: quoteLevel * richBody.quoteIndent + listDepth * richBody.listIndent

            width: richBody.width
            height: loader.height

            // One bar per quote level.
            Repeater {
                model: block.quoteLevel
                Rectangle {
                    required property int index
                    objectName: "quoteBar"
                    x: index * richBody.quoteIndent
                    width: 3
                    height: block.height
                    radius: 1
                    color: Theme.quoteBar
                }
            }

            Loader {
                id: loader
                x: block.indent
                width: block.width - x
                sourceComponent: block.kind === RichBlock.CodeBlock ? codeComponent
                               : block.kind === RichBlock.DisplayMath ? mathComponent
                               : block.kind === RichBlock.Rule ? ruleComponent
                               : textComponent
            }

            Component {
                id: textComponent
                RichTextBlock {
                    richBlock: block.block
                    html: block.html
                    plainText: block.plainText
                    headingLevel: block.kind === RichBlock.Heading ? block.headingLevel : 0
                    marker: block.kind === RichBlock.ListItem ? block.marker : ""
                    markerWidth: richBody.listIndent
                }
            }
            Component {
                id: codeComponent
                CodeBlockView {
                    source: block.source
                    language: block.language
                }
            }
            Component {
                id: mathComponent
                MathView {
                    tex: block.source
                    richBlock: block.block
                }
            }
            Component {
                id: ruleComponent
                Item {
                    objectName: "ruleLine"
                    implicitHeight: Theme.spacing * 1.5
                    Accessible.role: Accessible.Separator
                    Rectangle {
                        anchors.verticalCenter: parent.verticalCenter
                        width: parent.width
                        height: 1
                        color: Theme.separator
                    }
                }
            }
        }
    }
}
