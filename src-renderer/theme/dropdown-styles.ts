// The styles of Mantine's dropdown inputs (Select, TagsInput, the date pickers), imported where
// they are used: they load with that chunk, not with the first screen (see base.css).
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/ScrollArea.css';
