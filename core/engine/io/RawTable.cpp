#include "engine/io/RawTable.h"
