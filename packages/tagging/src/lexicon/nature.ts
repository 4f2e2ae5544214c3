import type { LexiconEntry } from './types.ts';

/** Nature: wildlife and birds, landscapes, forests and coasts, the sky at night, the seasons. */
export const nature: LexiconEntry = {
  strong: [
    `nature wildlife forest forests wilderness birdwatching birding bird+watching birdwatcher birders twitcher
      wildflower wildflowers waterfall waterfalls foliage autumn+colors autumn+colours fall+colors fall+colours
      fall+foliage autumn+leaves rainforest aurora aurora+borealis northern+lights southern+lights nature+walk
      naturalist national+park nature+reserve wildlife+reserve wildlife+sanctuary bird+sanctuary nature+trail
      old+growth+forest ancient+woodland bluebell+woods bluebells murmuration dawn+chorus birdsong bird+song
      bird+feeder bird+feeders hummingbird hummingbirds kingfisher heron herons egret egrets woodpecker woodpeckers
      puffin puffins peregrine kestrel red+kite osprey barn+owl owls bald+eagle golden+eagle sea+eagle migratory+birds
      bird+migration songbird songbirds starlings+murmuration robin+redbreast hedgehog hedgehogs badger badgers otter
      otters beaver beavers red+squirrel chipmunk raccoon possum opossum coyote mountain+lion cougar lynx bobcat
      black+bear grizzly grizzly+bear brown+bear polar+bear moose bison elk wolf+pack giraffe giraffes zebra zebras
      rhino elephant elephants cheetah gorilla gorillas chimpanzee orangutan koala kangaroo wallaby sloth humpback
      humpback+whale humpback+whales whale+watching orca orcas dolphin dolphins sea+lion sea+lions sea+otter manatee
      walrus jellyfish sea+turtle sea+turtles coral+reef coral+reefs tide+pools tide+pool rock+pooling rockpooling
      starfish dragonfly dragonflies butterfly moth moths bumblebee bumblebees honeybees fireflies firefly ladybug
      ladybird caterpillar caterpillars frogspawn tadpoles salamander newt newts fungi mushroom+hunting moss mossy
      lichen redwoods sequoia sequoias meadow meadows wetlands wetland marshland moorland heathland estuary glacier
      glaciers iceberg icebergs fjord fjords volcano volcanoes geyser geysers hot+springs sand+dunes tundra savanna
      savannah stargazing meteor+shower shooting+star shooting+stars milky+way night+sky starry+sky solar+eclipse
      lunar+eclipse total+eclipse supermoon blood+moon first+frost frosty+morning cherry+blossom cherry+blossoms
      sakura lavender+fields sunflower+field sunflower+fields wild+garlic david+attenborough attenborough blue+planet
      nat+geo national+geographic emperor+penguin emperor+penguins 🌲 🌳 🦌 🦋 🏞️ 🏞 🦅 🦉 🐋 🐳 🐬 🦊 🦔 🦦 🐝 🐞 🐸 🦩 🐧 🦭 🌌 🌠 🌄 🐦‍⬛`,
  ],
  normal: [
    `bird birds aquarium fox+family family+of+deer family+of+ducks family+of+foxes family+of+swans family+of+otters
      wildlife+photography wildlife+shot glacier+national+park waterfall+hike wildlife+conservation wildflower+meadow
      david+attenborough+series woods mountains ocean trees moss mossy deer fox foxes owl eagle eagles hedgehog
      squirrel squirrels whale whales landscape landscapes scenery glacier canyon jungle eclipse ecosystem botanical
      wild+flowers the+wild bloom blooming stars 🍂 🍁 🌊 🌿 🐦 fjord fjords orca orcas waves tide tides woodland woodlands
      birds+of+prey hawk falcon vulture crows magpie magpies robins wren sparrows starlings swallows swans swan geese
      ducks ducklings goslings seagulls gulls pelican pelicans flamingo flamingos penguin penguins seals pup+seals
      hares hare fawn rabbits+in+the foxes+in lizard snakes frog frogs toad toads bees insects spider+web cobweb dew
      dewdrops sunbeams golden+light fall+colours spring+blossom blossom blossoms daffodils crocuses snowdrops
      tulip+fields valley+views mountain+views mountain+range ocean+views sea+views the+sea the+ocean the+coast
      coastline cliffs sea+cliffs beach+at+sunrise rolling+hills the+countryside countryside double+rainbow
      sunrise+over sunset+over the+sunset the+sunrise sky+tonight the+stars stars+tonight constellations orion
      big+dipper planets venus jupiter mars+tonight wolves leopard octopus butterflies full+moon misty+morning
      planet+earth harvest+moon river+bank riverbank creek pond ponds lake+at lakeshore marsh swamp desert oasis dunes`,
    `above+the+clouds the+clouds sea+of+clouds cloud+inversion`,
  ],
  weak: `clouds lake river rainbow sea sunrise sunset tree leaves peaceful earth outdoors mountain hike hiking trail
    beach flowers 🌸 🌼 🌻 sky moon breeze wild animal wildlife+camera autumn the+moon seal bat bats robin stag
    thunderstorm lightning+storm snowfall first+snow frost mist misty fog foggy gorge spotted+a saw+a garden woods
    fresh+air birds+singing river+walk`,
};
