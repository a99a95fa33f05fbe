import QtQuick
import QtQuick.Controls
import StudyConnect.Desktop

// A fenced or indented code block: the exact source (tabs kept, every four columns) in the
// fixed-pitch font, plain text (no links, no markup), never wrapped: long lines scroll sideways
// (scroll bar, shift+wheel, or Left/Right/Home/End once the code has the focus). A header names
// the language and copies the source (on the left, clear of the message's hover toolbar).
Rectangle {
    id: code

    /// The code as typed.
    property string source
    /// From the fence's info string ("python"), or empty.
    property string language

    readonly property int padding: Theme.spacing
    readonly property bool scrollable: flick.contentWidth > flick.width + 1

    objectName: "codeBlock"
    implicitHeight: header.height + flick.height
    color: Theme.codeBackground
    radius: Theme.radius
    border.color: flick.activeFocus ? Theme.focusRing : Theme.separator
    border.width: flick.activeFocus ? 2 : 1

    Accessible.role: Accessible.Grouping
    Accessible.name: code.language ? qsTr("Code block, %1").arg(code.language) : qsTr("Code block")

    Item {
        id: header
        width: parent.width
        height: copyButton.implicitHeight

        // Language and Copy on the left: the message's hover toolbar sits at the top right.
        Text {
            id: languageText
            objectName: "codeLanguage"
            anchors.verticalCenter: parent.verticalCenter
            x: code.padding
            width: Math.min(implicitWidth, parent.width / 2)
            elide: Text.ElideRight
            text: code.language
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
            font.family: Theme.monospaceFamily
            Accessible.ignored: true
        }
        ToolButton {
            id: copyButton
            objectName: "copyCodeButton"
            property bool copied: false
            x: code.language ? languageText.x + languageText.width + Theme.spacing / 2 : 2
            anchors.verticalCenter: parent.verticalCenter
            text: copied ? qsTr("Copied") : qsTr("Copy")
            font.pixelSize: Theme.smallFont
            focusPolicy: Qt.StrongFocus
            Accessible.name: qsTr("Copy code")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Copy the code to the clipboard")
            onClicked: {
                TextTools.copyText(code.source)
                copied = true
                copiedTimer.restart()
            }
            Timer {
                id: copiedTimer
                interval: 1500
                onTriggered: copyButton.copied = false
            }
        }
    }

    Flickable {
        id: flick
        objectName: "codeFlickable"
        y: header.height
        x: 1
        width: parent.width - 2
        height: codeText.implicitHeight + code.padding + (bar.visible ? bar.height : code.padding)
        contentWidth: codeText.implicitWidth + code.padding * 2
        contentHeight: height
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        activeFocusOnTab: code.scrollable
        Accessible.role: Accessible.StaticText
        Accessible.name: code.source

        function scrollBy(dx) {
            contentX = Math.max(0, Math.min(contentWidth - width, contentX + dx))
        }
        Keys.onLeftPressed: scrollBy(-Theme.spacing * 5)
        Keys.onRightPressed: scrollBy(Theme.spacing * 5)
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_Home) {
                contentX = 0
                event.accepted = true
            } else if (event.key === Qt.Key_End) {
                scrollBy(contentWidth)
                event.accepted = true
            }
        }

        ScrollBar.horizontal: ScrollBar {
            id: bar
            objectName: "codeScrollBar"
            policy: code.scrollable ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
            visible: code.scrollable
        }

        // A read-only TextEdit rather than a Text: tab stops of four columns (a Text puts them
        // 80 px apart) and the code can be selected like a plain message.
        TextEdit {
            id: codeText
            objectName: "codeText"
            x: code.padding
            y: code.padding / 2
            text: code.source
            textFormat: TextEdit.PlainText
            wrapMode: TextEdit.NoWrap
            readOnly: true
            selectByMouse: true
            activeFocusOnPress: false
            color: Theme.text
            selectionColor: Theme.accent
            selectedTextColor: Theme.accentText
            font.family: Theme.monospaceFamily
            tabStopDistance: metrics.averageCharacterWidth * 4
            Accessible.ignored: true
            FontMetrics {
                id: metrics
                font: codeText.font
            }
            CodeColours {
                objectName: "codeColours"
                document: codeText.textDocument
                language: code.language
                keywordColor: Theme.codeKeyword
                stringColor: Theme.codeString
                commentColor: Theme.codeComment
                numberColor: Theme.codeNumber
                titleColor: Theme.codeTitle
                typeColor: Theme.codeType
            }
        }
    }
}
