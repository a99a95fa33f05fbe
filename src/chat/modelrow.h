#pragma once

#include <QVariantMap>

class QAbstractItemModel;

/// A row of a list model as {roleName: value}, for QML's `model.get(row)`; empty when out of range.
QVariantMap modelRowAsMap(const QAbstractItemModel *model, int row);
