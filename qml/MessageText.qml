import QtQuick
import StudyConnect.Desktop

// Untrusted message text: always plain text (markup shows literally and nothing is loaded).
// http(s) links are found in C++, coloured by LinkHighlighter without switching to rich text, and
// opened in the browser on click; the text can be selected and copied.
TextEdit {
    id: body

    readonly property bool hasLinks: highlighter.linkCount > 0

    textFormat: TextEdit.PlainText
    readOnly: true
    selectByMouse: true
    persistentSelection: false
    wrapMode: TextEdit.Wrap
    color: Theme.text
    selectionColor: Theme.accent
    selectedTextColor: Theme.accentText
    activeFocusOnPress: false
    activeFocusOnTab: false

    LinkHighlighter {
        id: highlighter
        document: body.textDocument
        linkColor: Theme.link
    }

    /// The link under a point in the item, or an empty string.
    function linkAtPoint(x, y) {
        if (!hasLinks)
            return ""
        let position = positionAt(x, y)
        // positionAt() gives the nearest cursor position: the character under x is the one before
        // it when x is left of that cursor.
        if (position > 0 && x < positionToRectangle(position).x)
            --position
        const rect = positionToRectangle(position)
        if (y < rect.y || y > rect.y + rect.height)
            return ""
        return TextTools.linkAt(text, position).toString()
    }

    HoverHandler {
        id: hover
        enabled: body.hasLinks
        cursorShape: body.linkAtPoint(point.position.x, point.position.y) !== "" ? Qt.PointingHandCursor : Qt.IBeamCursor
    }

    TapHandler {
        enabled: body.hasLinks
        acceptedButtons: Qt.LeftButton
        onTapped: (eventPoint) => {
            const url = body.linkAtPoint(eventPoint.position.x, eventPoint.position.y)
            if (url !== "")
                TextTools.openLink(url)
        }
    }
}
