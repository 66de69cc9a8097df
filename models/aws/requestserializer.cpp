#include "requestserializer.h"
