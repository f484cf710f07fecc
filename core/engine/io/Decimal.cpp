#include "engine/io/Decimal.h"
