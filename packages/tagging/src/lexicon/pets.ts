import type { LexiconEntry } from './types.ts';

/** Pets: dogs and cats and their breeds, small pets, birds, fish and reptiles, care, vets and adoption. */
export const pets: LexiconEntry = {
  strong: [
    `pet pets dog dogs puppy puppies pup pups doggo doggos pupper puppers cat cats kitten kittens kitty kitties catto
      vet vets rescue+dog rescue+cat rescue+pup dog+park catnip litter+box kibble furbaby furbabies fur+baby
      fur+babies fur+kid fur+kids pawrent dog+mom dog+dad cat+mom cat+dad cat+lady dog+person cat+person hamster
      hamsters gerbil gerbils parrot parrots budgie budgies cockatiel parakeet lovebird goldfish betta betta+fish
      tortoise gecko leopard+gecko bearded+dragon ferret ferrets chinchilla guinea+pig guinea+pigs axolotl ball+python
      corn+snake tarantula meow meowing woof purr purring purrs zoomies belly+rubs belly+rub toe+beans making+biscuits
      blep mlem sploot boop floof floofs floofy cat+tree scratching+post squeaky+toy chew+toy dog+treats cat+treats
      dog+food cat+food wet+food dog+walker dog+walk dog+walks dog+walking walkies dog+beach dog+friendly puppy+class
      puppy+training crate+training house+trained potty+trained+the+puppy dog+training obedience+class groomer
      groomers dog+groomer vet+visit vet+bill vet+bills the+vet spayed neutered microchipped foster+kitten
      foster+kittens foster+puppy foster+dog adopted+a+dog adopted+a+cat adopt+dont+shop shelter+dog shelter+cat
      wagging tail+wagging 🐶 🐱 🐕 🐈 🐾 🐩 🐰 🐹 🦜 🐕‍🦺 🐈‍⬛ 🐇 🐁 🐠 🐟 🦎 🐢`,
    // breeds
    `tabby calico tuxedo+cat tortie tortoiseshell+cat siamese maine+coon ragdoll bengal+cat sphynx british+shorthair
      scottish+fold russian+blue orange+cat black+cat labrador labradors golden+retriever golden+retrievers
      goldendoodle golden+doodle labradoodle cavapoo cockapoo maltipoo poodle corgi corgis pug pugs beagle beagles
      dachshund dachshunds sausage+dog wiener+dog weiner+dog doxie husky huskies malamute samoyed shiba shiba+inu
      akita german+shepherd border+collie collie australian+shepherd aussie+shepherd sheepdog whippet
      italian+greyhound lurcher rottweiler doberman pit+bull staffy staffie french+bulldog frenchie bulldog
      boston+terrier terrier terriers jack+russell yorkie shih+tzu pomeranian chihuahua bichon cavalier+king+charles
      king+charles+spaniel spaniel cocker+spaniel springer+spaniel great+dane bernese bernese+mountain+dog
      saint+bernard st+bernard mastiff vizsla weimaraner dalmatian shar+pei chow+chow basset+hound bloodhound`,
  ],
  normal: [
    `shelter rescue adopted adopt adoption leash rabbit rabbits bunny bunnies paw paws groomer treats walkies
      vet+visit fetch+with fish+tank mutt mutts kennel kennels cattery pet+sitter pet+sitting dog+sitting cat+sitting
      pet+insurance flea fleas worming tick+treatment neuter spay adoption+day fostering fosters furball hairball
      hairballs whiskers snoot chickens+laid backyard+chickens hens+laid pony ponies good+boy good+girl greyhound
      greyhounds pitbull horse+riding equestrian my+horse barked meowed purred licked+my wagged hissed pounced`,
  ],
  weak: `fetch aquarium bark barking grooming bird birds chewed sniff sniffing tail leash+on walkies+in treat furry
    fluffy chewing chewed+up horse horses chickens hens turtle turtles snake snakes fish lizard mouse mice rat rats
    boxer lab aussie foster harness collar`,
};
