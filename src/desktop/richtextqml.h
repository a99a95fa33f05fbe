#pragma once

#include "richtext/richtextmodel.h"

#include <QQmlEngine>

// src/richtext knows nothing of QML; the views get its model and block kinds from here.

/// `RichTextModel { text: … }` in QML: a message's blocks, one row per block.
struct RichTextModelForeign
{
    Q_GADGET
    QML_FOREIGN(RichTextModel)
    QML_NAMED_ELEMENT(RichTextModel)
};

/// `RichBlock.CodeBlock` and the other kinds, compared with a RichTextModel row's `kind`.
namespace RichBlockForeign {
Q_NAMESPACE
QML_FOREIGN_NAMESPACE(RichBlock)
QML_NAMED_ELEMENT(RichBlock)
} // namespace RichBlockForeign
