#include "engine/io/DateParser.h"
