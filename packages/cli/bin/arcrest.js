#!/usr/bin/env node
import "../dist/arcrest.js";
